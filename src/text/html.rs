//! Text from an HTML file, as a reader sees it: blocks on their own lines, entities decoded,
//! scripts, styles and other non-text elements dropped. Nothing in the markup is ever run or
//! fetched: the result is plain text, which the page shows as text.

/// Elements whose content is not text a reader sees.
const SKIP: &[&str] = &["script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "canvas", "select", "button"];

/// Elements that start a new line.
const BLOCK: &[&str] = &[
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "header", "footer",
    "nav", "aside", "main", "blockquote", "pre", "figure", "figcaption", "hr", "dl", "dt", "dd", "address", "form", "title", "body",
];

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        // NUL and the surrogates are not characters: the replacement character stands in.
        return Some(char::from_u32(v).filter(|&c| c != '\0').unwrap_or('\u{fffd}'));
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "middot" => '·',
        "bull" => '•',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "oacute" => 'ó',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        _ => return None,
    })
}

/// Decodes character references in `s` (unknown ones stay as written).
pub fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map(|k| k + 1);
        match end {
            Some(e) if rest[e..].starts_with(';') && e > 1 => match entity(&rest[1..e]) {
                Some(c) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            },
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The readable text of an HTML document or fragment.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    let b = html.as_bytes();
    let mut skip_until: Option<String> = None;
    let mut pre = 0usize;
    while i < b.len() {
        // A `<` that does not open a tag (`a < b`) is text.
        let opens = b[i] == b'<' && b.get(i + 1).is_some_and(|&c| c.is_ascii_alphabetic() || c == b'/' || c == b'!');
        if opens {
            // Comments and doctype.
            if html[i..].starts_with("<!--") {
                i = html[i..].find("-->").map_or(b.len(), |k| i + k + 3);
                continue;
            }
            let (tag, close) = match html[i..].find('>') {
                Some(k) => (&html[i + 1..i + k], i + k + 1),
                None => (&html[i + 1..], b.len()),
            };
            let end_tag = tag.starts_with('/');
            let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
            i = close;
            if let Some(s) = &skip_until {
                if end_tag && &name == s {
                    skip_until = None;
                }
                continue;
            }
            if !end_tag && SKIP.contains(&name.as_str()) && !tag.ends_with('/') {
                skip_until = Some(name);
                continue;
            }
            if name == "pre" {
                pre = if end_tag { pre.saturating_sub(1) } else { pre + 1 };
            }
            if BLOCK.contains(&name.as_str()) || (name == "td" || name == "th") && !end_tag {
                let sep = if name == "td" || name == "th" { "\t" } else if name == "p" || name.starts_with('h') && name.len() == 2 { "\n\n" } else { "\n" };
                if !out.is_empty() && !out.ends_with('\n') || sep == "\n\n" && !out.ends_with("\n\n") && !out.is_empty() {
                    out.push_str(if out.ends_with('\n') { "\n" } else { sep });
                }
            }
            continue;
        }
        let step = html[i..].chars().next().map_or(1, char::len_utf8);
        let next = html[i + step..].find('<').map_or(b.len(), |k| i + step + k);
        if skip_until.is_none() {
            let chunk = decode(&html[i..next]);
            if pre > 0 {
                out.push_str(&chunk);
            } else {
                // Runs of white space, line breaks included, are one space in HTML.
                for word in chunk.split(|c: char| c.is_whitespace() && c != '\u{a0}') {
                    if word.is_empty() {
                        if !out.is_empty() && !out.ends_with([' ', '\n', '\t']) {
                            out.push(' ');
                        }
                        continue;
                    }
                    out.push_str(&word.replace('\u{a0}', " "));
                    out.push(' ');
                }
                if !chunk.ends_with(|c: char| c.is_whitespace()) && out.ends_with(' ') {
                    out.pop();
                }
            }
        }
        i = next;
    }
    // Tidy: no spaces at line ends, at most one blank line in a row.
    let mut tidy = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines() {
        let l = line.trim_end_matches(' ');
        if l.is_empty() {
            blank += 1;
            if blank > 1 || tidy.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        tidy.push_str(l);
        tidy.push('\n');
    }
    tidy.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_entities_and_hostile_markup() {
        let html = r#"<!doctype html><html><head><title>T</title><style>p{}</style><script>alert(1)</script></head>
<body><nav><a href="javascript:alert(2)">Home</a> | <a href="/world">World</a></nav>
<h1>Putin &amp; Erdogan meet</h1><p>BAGHDAD, June&nbsp;14 &mdash; More than 900 people<br>were killed.</p>
<img src=x onerror="alert(3)"><!-- a comment <p>hidden</p> -->
<p>Caf&eacute; &#x1F600; &#128512; &bogus; 3 &lt; 4</p><table><tr><td>a</td><td>b</td></tr></table>
<pre>  kept
  as is</pre><script type="x">never</script></body></html>"#;
        let t = to_text(html);
        assert!(!t.contains("alert") && !t.contains("never") && !t.contains("hidden") && !t.contains("p{}"), "{t}");
        assert!(t.contains("Home | World\n"), "{t}");
        assert!(t.contains("Putin & Erdogan meet\n\nBAGHDAD, June 14 — More than 900 people\nwere killed."), "{t}");
        assert!(t.contains("Café 😀 😀 &bogus; 3 < 4"), "{t}");
        assert!(t.contains("a\tb"), "{t}");
        assert!(t.contains("  kept\n  as is"), "{t}");
        assert!(!t.contains("\n\n\n"));
    }

    #[test]
    fn random_markup_does_not_panic() {
        // A fixed pseudo-random sequence over the characters that matter to the parser.
        let parts = ["<", ">", "/", "!", "--", "&", ";", "#", "x", "p", "script", "pre", "td", " ", "\n", "é", "👨‍👩‍👧", "ق", "amp", "0", "9"];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(seed % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(parts[(seed % parts.len() as u64) as usize]);
            }
            let t = to_text(&s);
            assert!(!t.contains("<script"), "{s:?} gave {t:?}");
        }
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for h in ["<", "<p", "<script>no end", "&#xFFFFFFFF;", "&#0;", "a < b > c", "<p>é<", "<pé", "<é>", "&", "&#;", "<!--", "<<>>"] {
            let _ = to_text(h);
        }
        assert_eq!(decode("&#0;&#xD800;"), "\u{fffd}\u{fffd}");
        assert_eq!(to_text("a < b"), "a < b");
    }
}
