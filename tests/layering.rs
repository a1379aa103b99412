//! The layout's promise, checked on the source: modules are layered in the order a text travels
//! (foundations, `text`, `annotation`, `recognize`, `document`, `view`, `format`, then
//! `annotate`, the binding and the command line), a module only uses modules of lower layers or
//! of its own area, and no two files use each other, directly or round a loop. Test code is
//! left out; `pub use` re-exports and `mod` declarations are not uses.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Layers, lowest first; an area may use only areas of lower rank (and itself).
const LAYERS: &[(&str, u32)] = &[
    ("error", 0),
    ("hash", 0),
    ("color", 1),
    ("text", 1),
    ("annotation", 2),
    ("recognize", 3),
    ("document", 4),
    ("view", 5),
    ("format", 6),
    ("annotate", 7),
    ("vocabulary", 7),
    ("wasm", 8),
    ("main", 8),
];

fn rank(area: &str) -> u32 {
    LAYERS.iter().find(|(a, _)| *a == area).unwrap_or_else(|| panic!("module area {area:?} has no layer in tests/layering.rs")).1
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `src/text/segment.rs` → `text::segment`; `src/text/mod.rs` → `text`; `src/lib.rs` → ``.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts.join("::")
}

/// The code of a file without its tests and comments.
fn code(text: &str) -> String {
    let mut out = String::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if l.trim() == "#[cfg(test)]" && lines.get(i + 1).is_some_and(|n| n.trim_start().starts_with("mod ") && n.trim_end().ends_with('{')) {
            break;
        }
        let l = match l.find("//") {
            Some(k) if !l[..k].contains('"') => &l[..k],
            _ => l,
        };
        out.push_str(l);
        out.push('\n');
    }
    out
}

/// Expands a use tree (`a::{b, c::{d, e}}`) into paths.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else { return vec![tree.split(" as ").next().unwrap().trim().to_string()] };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap()];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts.into_iter().filter(|p| !p.trim().is_empty()).flat_map(|p| expand(p)).map(|p| if p == "self" { prefix.trim_end_matches("::").to_string() } else { format!("{prefix}{p}") }).collect()
}

/// Every path a file's code names: in `use` statements (not `pub use` re-exports) and inline.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = String::new();
    // `use` statements, possibly over several lines, taken out of the code.
    let mut i = 0;
    while i < code.len() {
        let line_start = code[..i].rfind('\n').map_or(0, |n| n + 1);
        let lead = code[line_start..i].trim();
        if code[i..].starts_with("use ") && (lead.is_empty() || lead.starts_with("pub")) && code[line_start..i].chars().all(|c| c.is_whitespace() || c.is_alphanumeric() || "()".contains(c)) {
            let end = code[i..].find(';').map_or(code.len(), |e| i + e);
            if !lead.starts_with("pub") || lead == "pub(crate)" || lead == "pub(super)" {
                out.extend(expand(&code[i + 4..end]));
            }
            i = end + 1;
            continue;
        }
        let c = code[i..].chars().next().unwrap();
        rest.push(c);
        i += c.len_utf8();
    }
    // Inline paths: `crate::x::y`, `super::x`, `self::x`, `gloss::x` (in the binary).
    for prefix in ["crate::", "super::", "gloss::", "self::"] {
        let mut from = 0;
        while let Some(k) = rest[from..].find(prefix) {
            let at = from + k;
            let ok_before = at == 0 || !rest[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':' || c == '$');
            let tail: String = rest[at..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            if ok_before {
                out.push(tail.trim_end_matches(':').to_string());
            }
            from = at + prefix.len();
        }
    }
    out
}

/// The module a path names, relative to module `here` (a file's module; `folder` is where
/// `super` of a plain file points).
fn resolve(path: &str, here: &str, is_mod_file: bool, modules: &BTreeSet<String>) -> Option<String> {
    let mut segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<String> = if here.is_empty() { Vec::new() } else { here.split("::").map(String::from).collect() };
    match segs.first().copied() {
        Some("crate") | Some("gloss") => {
            base.clear();
            segs.remove(0);
        }
        Some("super") => {
            // In `x/mod.rs` (module `x`), super is x's parent; in `x/y.rs` (module `x::y`) it is `x`.
            while segs.first() == Some(&"super") {
                base.pop();
                segs.remove(0);
            }
            let _ = is_mod_file;
        }
        Some("self") => {
            segs.remove(0);
        }
        _ => return None, // an outside crate, std, or a local name
    }
    let mut full: Vec<String> = base;
    full.extend(segs.iter().map(|s| s.to_string()));
    // The longest prefix that is a module.
    while !full.is_empty() {
        let m = full.join("::");
        if modules.contains(&m) {
            return Some(m);
        }
        full.pop();
    }
    None
}

#[test]
fn modules_are_layered_without_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    all.retain(|f| f.file_name().is_some_and(|n| n != "tests.rs"));
    let modules: BTreeSet<String> = all.iter().map(|f| module_of(&src, f)).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut wrong = Vec::new();
    for f in &all {
        let here = module_of(&src, f);
        if here.is_empty() {
            continue; // lib.rs declares and re-exports
        }
        let is_mod_file = f.file_name().is_some_and(|n| n == "mod.rs");
        let text = std::fs::read_to_string(f).unwrap();
        for p in paths(&code(&text)) {
            // `super` of a module `a::b` declared in `a/b.rs` is `a`; in `a/b/mod.rs` it is also `a`.
            let Some(to) = resolve(&p, &here, is_mod_file, &modules) else { continue };
            if to.is_empty() || to == here {
                continue;
            }
            let (from_area, to_area) = (here.split("::").next().unwrap(), to.split("::").next().unwrap());
            if from_area != to_area && rank(to_area) >= rank(from_area) {
                wrong.push(format!("{here} uses {to} ({p}): {to_area} is not below {from_area}"));
            }
            edges.entry(here.clone()).or_default().insert(to);
        }
    }
    assert!(wrong.is_empty(), "uses that climb the layering:\n{}", wrong.join("\n"));
    // No cycle among files: depth-first search with colours.
    fn visit(m: &str, edges: &BTreeMap<String, BTreeSet<String>>, state: &mut BTreeMap<String, u8>, stack: &mut Vec<String>) -> Option<Vec<String>> {
        match state.get(m) {
            Some(1) => {
                let k = stack.iter().position(|s| s == m).unwrap();
                let mut cycle = stack[k..].to_vec();
                cycle.push(m.to_string());
                return Some(cycle);
            }
            Some(2) => return None,
            _ => {}
        }
        state.insert(m.to_string(), 1);
        stack.push(m.to_string());
        for n in edges.get(m).into_iter().flatten() {
            if let Some(c) = visit(n, edges, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(m.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for m in edges.keys() {
        if let Some(cycle) = visit(m, &edges, &mut state, &mut Vec::new()) {
            panic!("modules use each other round a loop: {}", cycle.join(" → "));
        }
    }
    // The check sees real uses (a checker that finds nothing would pass anything).
    assert!(edges.get("document").is_some_and(|e| e.contains("recognize::date")), "{:?}", edges.get("document"));
    assert!(edges.get("wasm").is_some_and(|e| e.len() > 4));
}

#[test]
fn the_checker_reads_use_trees_and_paths() {
    assert_eq!(expand("crate::recognize::{casualty, date::{self, Ctx}}"), ["crate::recognize::casualty", "crate::recognize::date", "crate::recognize::date::Ctx"]);
    let code = "use crate::a::{b, c};\npub use crate::d::E;\nfn f() { crate::x::y(); super::z::w(); }\n";
    let found = paths(code);
    assert!(found.contains(&"crate::a::b".to_string()) && found.contains(&"crate::x::y".to_string()) && found.contains(&"super::z::w".to_string()), "{found:?}");
    assert!(!found.iter().any(|p| p.starts_with("crate::d")), "a re-export is not a use: {found:?}");
}
