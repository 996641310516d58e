//! Recognising a full storage. Browsers name the error differently: Chromium
//! and Safari `QuotaExceededError` (code 22), Firefox
//! `NS_ERROR_DOM_QUOTA_REACHED` (code 1014). Catching only one of them is how
//! other apps stopped saving silently in one browser.

pub fn is_quota_exceeded(name: &str, code: u16) -> bool {
    matches!(name, "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED") || code == 22 || code == 1014
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_browser_spelling_of_quota_exceeded() {
        assert!(is_quota_exceeded("QuotaExceededError", 22));
        assert!(is_quota_exceeded("NS_ERROR_DOM_QUOTA_REACHED", 1014));
        assert!(is_quota_exceeded("", 22));
        assert!(is_quota_exceeded("Error", 1014));
        assert!(!is_quota_exceeded("SecurityError", 18));
        assert!(!is_quota_exceeded("InvalidStateError", 11));
    }
}
