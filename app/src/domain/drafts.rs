//! What one device typed in a walk and has not saved, kept by the browser
//! in localStorage so that a reload or a dropped connection loses nothing.

use crate::domain::design::ItemKey;
use crate::domain::editing::Draft;
use crate::domain::item_form::FormValues;
use crate::domain::model::DesignField;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An item's draft as it is kept on the device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemDraft {
    pub key: ItemKey,
    pub values: FormValues,
    /// The version of the item the draft started from (0: a new item).
    pub based_on: u64,
}

/// Everything typed on one device and not yet saved, for one walk. Its
/// serialised form is what the browser keeps, so it stays as it was.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Drafts {
    /// The text and the version it started from.
    pub texts: BTreeMap<DesignField, (String, u64)>,
    /// By `ItemKey::code`.
    pub items: BTreeMap<String, ItemDraft>,
}

impl Drafts {
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty() && self.items.is_empty()
    }

    pub fn text(&self, field: DesignField) -> Option<Draft<String>> {
        self.texts.get(&field).map(|(values, based_on)| Draft {
            values: values.clone(),
            based_on: *based_on,
        })
    }

    pub fn set_text(&mut self, field: DesignField, draft: Option<Draft<String>>) {
        match draft {
            Some(d) => self.texts.insert(field, (d.values, d.based_on)),
            None => self.texts.remove(&field),
        };
    }

    pub fn item(&self, key: &ItemKey) -> Option<Draft<FormValues>> {
        self.items.get(&key.code()).map(|d| Draft {
            values: d.values.clone(),
            based_on: d.based_on,
        })
    }

    pub fn set_item(&mut self, key: ItemKey, draft: Option<Draft<FormValues>>) {
        match draft {
            Some(Draft { values, based_on }) => self.items.insert(
                key.code(),
                ItemDraft {
                    key,
                    values,
                    based_on,
                },
            ),
            None => self.items.remove(&key.code()),
        };
    }

    /// Takes back the drafts kept on the device after a reload, so each
    /// editor comes back editing its draft; one typed since the page loaded
    /// wins over the kept one.
    pub fn restore(&mut self, kept: Drafts) {
        for (field, text) in kept.texts {
            self.texts.entry(field).or_insert(text);
        }
        for (code, item) in kept.items {
            self.items.entry(code).or_insert(item);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(values: &str, based_on: u64) -> Option<Draft<String>> {
        Some(Draft {
            values: values.into(),
            based_on,
        })
    }

    #[test]
    fn restoring_drafts_keeps_those_typed_since() {
        let key = ItemKey::Output {
            id: crate::domain::ids::OutputId(uuid::Uuid::nil()),
        };
        let mut now = Drafts::default();
        now.set_text(DesignField::Purpose, draft("typed now", 2));
        let mut kept = Drafts::default();
        kept.set_text(DesignField::Purpose, draft("kept", 1));
        kept.set_text(DesignField::Scope, draft("kept scope", 1));
        kept.set_item(
            key,
            Some(Draft {
                values: FormValues::new(),
                based_on: 3,
            }),
        );
        now.restore(kept);
        assert_eq!(now.text(DesignField::Purpose), draft("typed now", 2));
        assert_eq!(now.text(DesignField::Scope), draft("kept scope", 1));
        assert_eq!(now.item(&key).map(|d| d.based_on), Some(3));
        now.set_item(key, None);
        now.set_text(DesignField::Purpose, None);
        now.set_text(DesignField::Scope, None);
        assert!(now.is_empty());
    }

    #[test]
    fn drafts_are_kept_in_the_shape_browsers_already_hold() {
        let mut drafts = Drafts::default();
        drafts.set_text(DesignField::Scope, draft("s", 1));
        let json = serde_json::to_value(&drafts).unwrap();
        assert_eq!(json["texts"], serde_json::json!({ "scope": ["s", 1] }));
    }
}
