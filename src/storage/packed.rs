//! The stored library is packed before it is written: LZ4-compressed JSON,
//! written 15 bits to a character. localStorage counts UTF-16 code units,
//! so plain JSON costs two bytes per byte of text; packed, a 10,000-task
//! plan takes a fraction of the quota and other plans still fit. Exported
//! files are never packed: they stay pretty-printed and diffable.
//!
//! A packed value is `mpz1:<byte count>:<characters>`, each character
//! `U+3000 + 15 bits` (U+3000..U+AFFF: no surrogates, so every browser
//! keeps it as written). Anything else is read as the plain JSON that
//! earlier builds stored.

use std::borrow::Cow;

const TAG: &str = "mpz1:";
const BASE: u32 = 0x3000;
/// A packed library larger than this once unpacked is refused, so a damaged
/// length cannot ask for gigabytes.
const MAX_UNPACKED: usize = 256 * 1024 * 1024;

/// Why a stored value could not be unpacked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damaged;

/// The text as it is written to storage.
pub fn pack(json: &str) -> String {
    let bytes = lz4_flex::block::compress_prepend_size(json.as_bytes());
    let count = bytes.len().to_string();
    // Each character carries 15 bits and takes 3 bytes of UTF-8 here.
    let mut out = String::with_capacity(TAG.len() + count.len() + 1 + (bytes.len() * 8 / 15 + 1) * 3);
    out.push_str(TAG);
    out.push_str(&count);
    out.push(':');
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for &b in &bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            out.push(digit((acc >> bits) & 0x7FFF));
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push(digit((acc << (15 - bits)) & 0x7FFF));
    }
    out
}

fn digit(v: u32) -> char {
    // BASE + v is at most U+AFFF, below the surrogates: always a char.
    char::from_u32(BASE + v).unwrap_or('\u{3000}')
}

/// The JSON text of a stored value, packed or plain.
pub fn unpack(stored: &str) -> Result<Cow<'_, str>, Damaged> {
    let Some(rest) = stored.strip_prefix(TAG) else {
        return Ok(Cow::Borrowed(stored));
    };
    let (count, body) = rest.split_once(':').ok_or(Damaged)?;
    let count: usize = count.parse().map_err(|_| Damaged)?;
    if !(4..=MAX_UNPACKED).contains(&count) {
        return Err(Damaged);
    }
    let mut bytes = Vec::with_capacity(count);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for c in body.chars() {
        let v = (c as u32).checked_sub(BASE).filter(|v| *v <= 0x7FFF).ok_or(Damaged)?;
        acc = (acc << 15) | v;
        bits += 15;
        while bits >= 8 && bytes.len() < count {
            bits -= 8;
            bytes.push(((acc >> bits) & 0xFF) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    if bytes.len() != count {
        return Err(Damaged);
    }
    let (size, block) = bytes.split_at(4);
    let size = u32::from_le_bytes([size[0], size[1], size[2], size[3]]) as usize;
    if size > MAX_UNPACKED {
        return Err(Damaged);
    }
    let json = lz4_flex::block::decompress(block, size).map_err(|_| Damaged)?;
    String::from_utf8(json).map(Cow::Owned).map_err(|_| Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn plain_json_reads_as_it_is() {
        assert_eq!(unpack("{\"a\":1}"), Ok(Cow::Borrowed("{\"a\":1}")));
        assert_eq!(unpack(""), Ok(Cow::Borrowed("")));
    }

    #[test]
    fn packed_text_uses_no_surrogates_and_round_trips() {
        let json = "{\"名称\":\"春季新品上市\",\"x\":\"<script>=1+1</script>\"}".repeat(50);
        let packed = pack(&json);
        assert!(packed.starts_with(TAG));
        assert!(packed.encode_utf16().all(|u| !(0xD800..=0xDFFF).contains(&u)));
        assert!(
            packed.encode_utf16().count() * 4 < json.encode_utf16().count(),
            "repetitive text packs small"
        );
        assert_eq!(unpack(&packed).unwrap(), json);
    }

    #[test]
    fn damaged_values_are_refused_not_misread() {
        let packed = pack("{\"plans\":[]}");
        for bad in [
            "mpz1:",
            "mpz1:abc:",
            "mpz1:99999999999:",
            "mpz1:3:\u{3000}",
            "mpz1:8:\u{3000}\u{3000}",
            &packed[..packed.len() - 3],
            &packed.replace('\u{3000}', "a"),
        ] {
            assert_eq!(unpack(bad), Err(Damaged), "{bad:?}");
        }
        // A length field asking for 4 GiB is refused before anything is allocated.
        let huge = pack("x");
        let mut chars: Vec<char> = huge.chars().collect();
        let start = huge.find(':').unwrap() + 1;
        let start = huge[start..].find(':').unwrap() + start + 1;
        let first = huge[..start].chars().count();
        chars[first] = digit(0x7FFF);
        chars[first + 1] = digit(0x7FFF);
        assert_eq!(unpack(&chars.into_iter().collect::<String>()), Err(Damaged));
    }

    proptest! {
        #[test]
        fn any_text_round_trips(text in ".{0,400}") {
            let packed = pack(&text);
            prop_assert_eq!(unpack(&packed).unwrap(), text);
        }

        #[test]
        fn a_corrupted_packed_value_is_refused_or_read_never_panics(
            text in "[a-z{}\":,]{20,300}",
            at in any::<prop::sample::Index>(),
            to in 0u32..0x8000,
        ) {
            let packed = pack(&text);
            let body = packed.rfind(':').unwrap() + 1;
            let mut chars: Vec<char> = packed[body..].chars().collect();
            let i = at.index(chars.len());
            chars[i] = digit(to);
            let damaged = format!("{}{}", &packed[..body], chars.into_iter().collect::<String>());
            let _ = unpack(&damaged);
        }

        #[test]
        fn any_garbage_after_the_tag_is_refused_or_read_never_panics(body in ".{0,80}") {
            let _ = unpack(&format!("mpz1:{body}"));
            let _ = unpack(&format!("mpz1:12:{body}"));
        }
    }
}
