//! A report to share: one self-contained HTML file with the annotated article (highlights and a
//! legend), the entities, the casualty table and the dates, that opens in any browser without
//! gloss, runs no script, loads nothing, and prints cleanly. Every piece of the article is
//! escaped: the report shows text, never markup.

use std::fmt::Write;

use crate::annotation::{Label, Status};
use crate::document::Document;
use crate::text::offset::Unit;

/// `s` with `& < > " '` escaped for HTML text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The report of `doc`, titled by its first line.
pub fn serialize(doc: &Document) -> String {
    let text = doc.text();
    let title = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("Untitled");
    let title: String = title.chars().take(100).collect();
    let panels = crate::view::panels::panels(doc);
    let labels = &panels.labels;
    let class_of = |l: Label| labels.iter().position(|x| x.label == l).unwrap_or(0);
    let mut css = String::from(
        "body{font:15px/1.6 system-ui,sans-serif;color:#1b1b1f;background:#fff;margin:2rem auto;max-width:60rem;padding:0 1rem}\
         h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}.meta{color:#5c5f66}\
         article{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.9;border:1px solid #d6d8dc;border-radius:6px;padding:1rem}\
         mark{color:inherit;border-radius:3px;border-bottom:2px solid}table{border-collapse:collapse}\
         th,td{text-align:left;padding:.15rem .6rem .15rem 0;vertical-align:top}.legend span{margin-right:1rem}\
         sup{font-size:.65em;color:#5c5f66}\
         @media print{body{margin:0;max-width:none}article{border:none;padding:0}mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}\
         h2{break-after:avoid}table,tr{break-inside:avoid}a{color:inherit;text-decoration:none}}",
    );
    for (k, l) in labels.iter().enumerate() {
        let _ = write!(css, ".l{k}{{background:{};border-color:{}}}", l.theme.light_bg, l.theme.light_line);
    }
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>{}</title><style>{css}</style></head><body>",
        escape(&title)
    );
    let live: Vec<_> = doc.annotations().iter().filter(|a| a.status != Status::Rejected).collect();
    let _ = write!(h, "<h1>{}</h1><p class=\"meta\">", escape(&title));
    match &panels.reference_date {
        Some(d) => {
            let _ = write!(h, "Reference date {} · ", escape(d));
        }
        None => h.push_str("No reference date · "),
    }
    let _ = write!(h, "{} annotations · made with gloss</p>", live.len());
    h.push_str("<p class=\"legend\">");
    for (k, l) in labels.iter().enumerate().filter(|(_, l)| l.count > 0) {
        let _ = write!(h, "<span><mark class=\"l{k}\">{}</mark> {}</span>", escape(l.label.as_str()), l.count);
    }
    h.push_str("</p><article>");
    // Nested highlights: open and close marks at span edges, outermost first.
    let mut edges: Vec<usize> = live.iter().flat_map(|a| [a.start, a.end]).chain([0, text.len()]).collect();
    edges.sort_unstable();
    edges.dedup();
    let mut open: Vec<usize> = Vec::new();
    let mut next = 0;
    for w in edges.windows(2) {
        let (s, e) = (w[0], w[1]);
        // Close what ends here (and reopen what is still running inside it).
        let ending = open.iter().position(|&i| live[i].end <= s);
        if let Some(p) = ending {
            for _ in p..open.len() {
                h.push_str("</mark>");
            }
            let still: Vec<usize> = open[p..].iter().copied().filter(|&i| live[i].end > s).collect();
            open.truncate(p);
            for i in still {
                let _ = write!(h, "<mark class=\"l{}\" title=\"{}\">", class_of(live[i].label), escape(&title_of(live[i])));
                open.push(i);
            }
        }
        while next < live.len() && live[next].start <= s {
            if live[next].end > s {
                let _ = write!(h, "<mark class=\"l{}\" title=\"{}\">", class_of(live[next].label), escape(&title_of(live[next])));
                open.push(next);
            }
            next += 1;
        }
        h.push_str(&escape(&text[s..e]));
    }
    for _ in &open {
        h.push_str("</mark>");
    }
    h.push_str("</article>");
    // Entities.
    let (anns, entities) = doc.exported(Unit::CodePoint, false);
    if !entities.is_empty() {
        h.push_str("<h2>Entities</h2><table><thead><tr><th>label</th><th>name</th><th>mentions</th><th>as written</th></tr></thead><tbody>");
        for e in &entities {
            let mut quotes: Vec<&str> = e.mentions.iter().filter_map(|m| anns.iter().find(|a| &a.id == m)).map(|a| a.quote.as_str()).collect();
            quotes.sort_unstable();
            quotes.dedup();
            let _ = write!(
                h,
                "<tr><td><mark class=\"l{}\">{}</mark></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                class_of(e.label),
                escape(e.label.as_str()),
                escape(&e.name),
                e.mentions.len(),
                escape(&quotes.join(" · "))
            );
        }
        h.push_str("</tbody></table>");
    }
    let cas = &panels.casualties;
    if !cas.incidents.is_empty() || !cas.cumulative.is_empty() {
        h.push_str("<h2>Casualties</h2>");
    }
    for inc in &cas.incidents {
        let where_when: Vec<&str> = [inc.place.as_deref(), inc.date.as_deref()].into_iter().flatten().collect();
        let caption = if where_when.is_empty() { format!("Incident {}", inc.id) } else { format!("Incident {}: {}", inc.id, where_when.join(", ")) };
        let _ = write!(h, "<table><caption>{}</caption><thead><tr><th>category</th><th>best</th><th>low–high</th><th>figures reported</th></tr></thead><tbody>", escape(&caption));
        for (category, c) in &inc.categories {
            let figures: Vec<String> = c.figures.iter().map(|f| format!("{} ({}){}", f.count, f.qualifier, if f.mentions.len() > 1 { format!(" ×{}", f.mentions.len()) } else { String::new() })).collect();
            let range = if c.low == c.high { c.low.to_string() } else { format!("{}–{}", c.low, c.high) };
            let _ = write!(h, "<tr><th>{}</th><td>{}</td><td>{}</td><td>{}</td></tr>", escape(category), c.best, range, escape(&figures.join(", ")));
        }
        h.push_str("</tbody></table>");
    }
    if cas.incidents.len() > 1 {
        let totals: Vec<String> = cas.total.iter().map(|(c, n)| format!("{c} {n}")).collect();
        let _ = write!(h, "<p>Article total (the incidents' best added): {}</p>", escape(&totals.join(", ")));
    }
    if !cas.cumulative.is_empty() {
        h.push_str("<h3>Cumulative totals, not added</h3><ul>");
        for c in &cas.cumulative {
            let _ = write!(h, "<li>{} ({}) {} — {}</li>", c.count, c.qualifier, escape(&c.category), escape(&c.bound));
        }
        h.push_str("</ul>");
    }
    if !panels.timeline.is_empty() {
        h.push_str("<h2>Dates</h2><table><thead><tr><th>value</th><th>as written</th></tr></thead><tbody>");
        for t in &panels.timeline {
            let _ = write!(h, "<tr><td>{}</td><td>{}</td></tr>", escape(&t.value), escape(&t.quotes.join(" · ")));
        }
        h.push_str("</tbody></table>");
    }
    h.push_str("</body></html>\n");
    h
}

fn title_of(a: &crate::annotation::Annotation) -> String {
    let mut t = a.label.as_str().to_string();
    if let Some(d) = &a.date {
        let _ = write!(t, " {} {}", d.kind, d.value);
    }
    if let Some(c) = &a.casualty {
        let _ = write!(t, " {} {}", c.category, c.count.map_or("?".to_string(), |n| n.to_string()));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_escapes_nests_and_summarises() {
        let text = "<script>alert(1)</script> Two Palestinians were killed in Gaza on Saturday. 🇸🇾 \"Q\" & 'A'";
        let doc = crate::annotate_dated(text, crate::text::calendar::parse_iso("2025-07-20").ok());
        let r = serialize(&doc);
        assert!(r.starts_with("<!doctype html>") && r.contains("default-src 'none'"));
        assert!(!r.contains("<script>") && r.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!r.contains("<script") && !r.contains("src=") && !r.contains("href="));
        // The casualty span holds the GROUP mark: nested, balanced.
        assert!(r.contains("Two <mark") || r.contains(">Two <mark"), "{r}");
        assert_eq!(r.matches("<mark").count(), r.matches("</mark>").count());
        assert!(r.contains("<h2>Casualties</h2>") && r.contains("<th>killed</th><td>2</td>"));
        assert!(r.contains("<caption>Incident i1: Gaza, 2025-07-19</caption>"), "{r}");
        assert!(r.contains("<h2>Dates</h2>") && r.contains("2025-07-19"));
        assert!(r.contains("&quot;Q&quot; &amp; &#39;A&#39;"));
        // Stripped of tags, the article is the text.
        let art = &r[r.find("<article>").unwrap() + 9..r.find("</article>").unwrap()];
        let mut plain = String::new();
        let mut in_tag = false;
        for c in art.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => plain.push(c),
                _ => {}
            }
        }
        let plain = plain.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        assert_eq!(plain, text);
    }
}
