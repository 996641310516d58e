//! Undo and redo of plan edits, by snapshots of the plan before each step.

use std::collections::VecDeque;

/// Steps kept per open plan; the brief asks for at least 100.
pub const UNDO_LIMIT: usize = 200;

#[derive(Clone, Debug, PartialEq)]
pub struct History<T, G> {
    past: VecDeque<T>,
    future: Vec<T>,
    /// The group of the newest step: a further edit of the same group is
    /// folded into it, so typing a sentence is one step.
    open_group: Option<G>,
    limit: usize,
}

impl<T, G: PartialEq> Default for History<T, G> {
    fn default() -> Self {
        Self::with_limit(UNDO_LIMIT)
    }
}

impl<T, G: PartialEq> History<T, G> {
    pub fn with_limit(limit: usize) -> Self {
        Self {
            past: VecDeque::new(),
            future: Vec::new(),
            open_group: None,
            limit: limit.max(1),
        }
    }

    /// Records the state `before` a change. A change in the same group as the
    /// previous one extends that step instead of starting a new one.
    pub fn record(&mut self, before: T, group: Option<G>) {
        let extends = group.is_some() && group == self.open_group && !self.past.is_empty();
        self.future.clear();
        self.open_group = group;
        if extends {
            return;
        }
        self.past.push_back(before);
        if self.past.len() > self.limit {
            self.past.pop_front();
        }
    }

    /// Ends the open group: the next edit starts a new step even in the same field.
    pub fn seal(&mut self) {
        self.open_group = None;
    }

    /// Returns the state to go back to, taking `current` onto the redo stack.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.past.pop_back()?;
        self.future.push(current);
        self.open_group = None;
        Some(previous)
    }

    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.future.pop()?;
        self.past.push_back(current);
        self.open_group = None;
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Drives a history the way the app does: a value and edits of it.
    fn edit(h: &mut History<String, u8>, value: &mut String, new: &str, group: Option<u8>) {
        h.record(value.clone(), group);
        *value = new.to_owned();
    }

    #[test]
    fn undo_and_redo_walk_the_steps() {
        let mut h = History::default();
        let mut v = "a".to_owned();
        edit(&mut h, &mut v, "b", None);
        edit(&mut h, &mut v, "c", None);
        v = h.undo(v).unwrap();
        assert_eq!(v, "b");
        v = h.undo(v).unwrap();
        assert_eq!(v, "a");
        assert!(h.undo(v.clone()).is_none());
        v = h.redo(v).unwrap();
        v = h.redo(v).unwrap();
        assert_eq!(v, "c");
        assert!(!h.can_redo());
    }

    #[test]
    fn typing_in_one_field_is_one_step_until_sealed() {
        let mut h = History::default();
        let mut v = String::new();
        for text in ["H", "He", "Hel", "Hello"] {
            edit(&mut h, &mut v, text, Some(1));
        }
        h.seal();
        edit(&mut h, &mut v, "Hello!", Some(1));
        edit(&mut h, &mut v, "Other field", Some(2));
        v = h.undo(v).unwrap();
        assert_eq!(v, "Hello!");
        v = h.undo(v).unwrap();
        assert_eq!(v, "Hello");
        v = h.undo(v).unwrap();
        assert_eq!(v, "");
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut h = History::default();
        let mut v = "a".to_owned();
        edit(&mut h, &mut v, "b", None);
        v = h.undo(v).unwrap();
        edit(&mut h, &mut v, "z", None);
        assert!(!h.can_redo());
        assert_eq!(h.redo(v.clone()), None);
    }

    #[test]
    fn keeps_at_least_a_hundred_steps_and_drops_the_oldest_beyond_the_limit() {
        let mut h = History::default();
        let mut v = 0.to_string();
        for i in 1..=UNDO_LIMIT + 50 {
            edit(&mut h, &mut v, &i.to_string(), None);
        }
        let mut steps = 0;
        while let Some(prev) = h.undo(v.clone()) {
            v = prev;
            steps += 1;
        }
        assert!(steps >= 100);
        assert_eq!(steps, UNDO_LIMIT);
        assert_eq!(v, "50");
    }
}
