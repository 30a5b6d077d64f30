//! The code's own shape: no file under `src/` depends, through the paths it
//! names (`use crate::...`, `super::...`, `crate::x::f()` in the code), on a
//! file that depends back on it. A module declaring its children
//! (`mod body;`) is not a dependency; naming them is.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::common::repo;

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file: `src/render/docx/body.rs` -> `render::docx::body`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The code without comments, string and char literals, and without the
/// inline `#[cfg(test)] mod tests { ... }` (whose `super` is the file itself).
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests {") {
        Some(i) => &text[..i],
        None => text,
    };
    let mut out = String::with_capacity(text.len());
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            i += 2;
            while i < b.len() && !b[i..].starts_with(b"*/") {
                i += 1;
            }
            i += 2;
        } else if b[i] == b'r' && (b[i..].starts_with(b"r\"") || b[i..].starts_with(b"r#")) {
            let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
            if b.get(i + 1 + hashes) != Some(&b'"') {
                out.push('r');
                i += 1;
                continue;
            }
            let end: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            i += 2 + hashes;
            while i < b.len() && !b[i..].starts_with(&end) {
                i += 1;
            }
            i += end.len();
            out.push_str("\"\"");
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && i + 2 < b.len() && (b[i + 2] == b'\'' || b[i + 1] == b'\\') {
            // A char literal ('x', '\n'), not a lifetime.
            i += 1;
            while i < b.len() && b[i] != b'\'' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            let c = text[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// Every path the code names: `use` trees expanded, and paths in the code.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    // `use` statements, with their `{...}` groups.
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before = rest[..i].chars().last();
        let start = i + 4;
        let Some(end) = rest[start..].find(';') else {
            break;
        };
        if before.is_none_or(|c| !(c.is_alphanumeric() || c == '_')) {
            // White space only where it separates words (`x as y`).
            let tree = rest[start..start + end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace(" ::", "::")
                .replace(":: ", "::")
                .replace("{ ", "{")
                .replace(" }", "}")
                .replace(", ", ",")
                .replace(" ,", ",");
            expand(&tree, &[], &mut out);
        }
        rest = &rest[start..];
    }
    // Paths in the code: crate::a::b, super::a, super::super::a.
    let bytes = code.as_bytes();
    for (i, _) in code
        .match_indices("crate::")
        .chain(code.match_indices("super::"))
    {
        if i > 0
            && (bytes[i - 1].is_ascii_alphanumeric()
                || bytes[i - 1] == b'_'
                || bytes[i - 1] == b':')
        {
            continue;
        }
        let path: String = code[i..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        out.push(
            path.split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        );
    }
    out
}

/// The paths of a `use` tree (`a::{b, c::d}` -> `a::b`, `a::c::d`).
fn expand(tree: &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let Some(open) = tree.find('{') else {
        let mut p = prefix.to_vec();
        p.extend(
            tree.split(" as ")
                .next()
                .unwrap_or(tree)
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
        out.push(p);
        return;
    };
    let head: Vec<String> = tree[..open]
        .split("::")
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut depth = 0;
    let mut last = 0;
    let mut parts = Vec::new();
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[last..i]);
                last = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[last..]);
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        let mut p = prefix.to_vec();
        p.extend(head.iter().cloned());
        expand(part, &p, out);
    }
}

/// The file a path names, from the module of the file that names it.
fn target(
    modules: &BTreeMap<Vec<String>, PathBuf>,
    here: &[String],
    is_mod_file: bool,
    path: &[String],
) -> Option<PathBuf> {
    let mut base: Vec<String> = match path.first().map(String::as_str) {
        Some("crate") => Vec::new(),
        Some("super") => {
            let mut b = here.to_vec();
            // The module of `body.rs` is its own; `super` is its parent.
            b.pop();
            b
        }
        Some("self") => here.to_vec(),
        // A child module of this file (`body::write`) or an outside crate.
        Some(first) => {
            let mut b = here.to_vec();
            if !is_mod_file {
                // `use x` in a non-mod file names a sibling only through super.
                return None;
            }
            b.push(first.to_string());
            if !modules.contains_key(&b) {
                return None;
            }
            b.pop();
            b
        }
        None => return None,
    };
    let rest = path.iter().skip(usize::from(matches!(
        path.first().map(String::as_str),
        Some("crate" | "super" | "self")
    )));
    for seg in rest {
        if seg == "super" {
            base.pop();
            continue;
        }
        let mut next = base.clone();
        next.push(seg.clone());
        if modules.contains_key(&next) {
            base = next;
        } else {
            break;
        }
    }
    modules.get(&base).cloned()
}

#[test]
fn no_file_under_src_depends_on_itself_through_others() {
    let src = repo().join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let modules: BTreeMap<Vec<String>, PathBuf> = all
        .iter()
        .filter(|f| !f.ends_with("main.rs"))
        .map(|f| (module_of(&src, f), f.clone()))
        .collect();
    let mut edges: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for (module, file) in &modules {
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        let is_mod_file = file.ends_with("mod.rs") || file.ends_with("lib.rs");
        for path in paths(&code) {
            if let Some(to) = target(&modules, module, is_mod_file, &path)
                && to != *file
            {
                if std::env::var("IMPORT_DEBUG").is_ok_and(|d| file.ends_with(&d)) {
                    eprintln!("{} -> {} via {path:?}", file.display(), to.display());
                }
                edges.entry(file.clone()).or_default().insert(to);
            }
        }
    }
    assert!(
        edges.values().map(BTreeSet::len).sum::<usize>() > 100,
        "the paths are found"
    );
    // Every cycle: a file that reaches itself.
    let mut cycles: BTreeSet<Vec<String>> = BTreeSet::new();
    for start in edges.keys() {
        // Shortest way back to `start`, breadth first.
        let mut from: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start.clone()]);
        let mut found = None;
        while let Some(f) = queue.pop_front() {
            for to in edges.get(&f).into_iter().flatten() {
                if to == start {
                    found = Some(f.clone());
                    break;
                }
                if !from.contains_key(to) {
                    from.insert(to.clone(), f.clone());
                    queue.push_back(to.clone());
                }
            }
            if found.is_some() {
                break;
            }
        }
        if let Some(mut f) = found {
            let mut cycle = vec![f.clone()];
            while f != *start {
                f = from[&f].clone();
                cycle.push(f.clone());
            }
            let mut names: Vec<String> = cycle
                .iter()
                .map(|p| p.strip_prefix(&src).unwrap().display().to_string())
                .collect();
            names.reverse();
            // The same cycle from its smallest file.
            let min = names.iter().enumerate().min_by_key(|(_, n)| *n).unwrap().0;
            names.rotate_left(min);
            cycles.insert(names);
        }
    }
    assert!(
        cycles.is_empty(),
        "import cycles between files under src/:\n{}",
        cycles
            .iter()
            .map(|c| format!("  {} -> {}", c.join(" -> "), c[0]))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
