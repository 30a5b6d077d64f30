//! [`Memo`]: a map behind a lock, for what one build keeps for the next.
//! Whoever reuses something owns its memo: the pipeline its prepared
//! reports and output names ([`crate::pipeline::Reuse`]), each renderer
//! what it keeps itself (the PDF's last layouts, the DOCX's styles and
//! charts).

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

/// A map behind a lock that a panicking thread cannot poison for the others.
pub struct Memo<K, V>(Mutex<HashMap<K, V>>);

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo(Mutex::new(HashMap::new()))
    }
}

impl<K: std::hash::Hash + Eq, V: Clone> Memo<K, V> {
    fn lock(&self) -> MutexGuard<'_, HashMap<K, V>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The value kept for `key`.
    pub fn get<Q>(&self, key: &Q) -> Option<V>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.lock().get(key).cloned()
    }

    /// Keep `value` for `key`, in place of what was kept before.
    pub fn insert(&self, key: K, value: V) {
        self.lock().insert(key, value);
    }

    /// Keep only `value`, for `key`.
    pub fn replace_all(&self, key: K, value: V) {
        let mut map = self.lock();
        map.clear();
        map.insert(key, value);
    }
}
