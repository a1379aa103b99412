//! Whole documents pinned by readable snapshots in tests/snapshots/. When behaviour changes the
//! snapshot is rewritten and the test fails, so the change shows up in `git diff` for review;
//! run the tests again to accept it.

use std::fmt::Write;
use std::path::Path;

fn render(text: &str, date: Option<&str>) -> String {
    let doc = gloss::annotate(text, date).unwrap();
    let export = gloss::format::gloss::export(&doc);
    let mut out = String::new();
    writeln!(out, "reference date: {}", export.reference_date.as_deref().unwrap_or("none")).unwrap();
    for a in &export.annotations {
        let attrs = match (&a.date, &a.casualty) {
            (Some(d), _) => format!(" {} {}", d.kind, d.value),
            (_, Some(c)) => format!(
                " {} count={} {} min={} max={} victims={}",
                c.category,
                c.count.map_or("null".into(), |v| v.to_string()),
                c.qualifier,
                c.min.map_or("null".into(), |v| v.to_string()),
                c.max.map_or("null".into(), |v| v.to_string()),
                c.victims.as_deref().unwrap_or("null")
            ),
            _ => String::new(),
        };
        let entity = a.entity.as_deref().map_or(String::new(), |e| format!(" {e}"));
        writeln!(out, "{:5}..{:<5} {:8} {:?}{attrs}  [{}]{entity}", a.start, a.end, a.label.as_str(), a.quote, a.rule.as_deref().unwrap_or("-")).unwrap();
    }
    writeln!(out, "casualty summary:").unwrap();
    let summary = &export.casualty_summary;
    for i in &summary.incidents {
        writeln!(out, "  {} place {:?} date {:?}", i.id, i.place, i.date).unwrap();
        for (category, c) in &i.categories {
            let figures: Vec<String> = c.figures.iter().map(|f| format!("{} {} ×{}", f.count, f.qualifier, f.mentions.len())).collect();
            writeln!(out, "  {} {} best {} low {} high {}: {}", i.id, category, c.best, c.low, c.high, figures.join(", ")).unwrap();
        }
    }
    for (category, n) in &summary.total {
        writeln!(out, "  total {category} {n}").unwrap();
    }
    for c in &summary.cumulative {
        writeln!(out, "  cumulative {} {} {} ×{} ({})", c.category, c.count, c.qualifier, c.mentions.len(), c.bound).unwrap();
    }
    writeln!(out, "entities:").unwrap();
    for e in &export.entities {
        writeln!(out, "  {} {} {:?} ×{}", e.id, e.label.as_str(), e.name, e.mentions.len()).unwrap();
    }
    out
}

fn check(name: &str, input: &Path, date: Option<&str>) {
    let text = std::fs::read_to_string(input).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
    let got = render(&text, date);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(format!("{name}.txt"));
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        std::fs::write(&path, &got).unwrap();
        panic!("snapshot {} changed and was rewritten: review `git diff {}` and run again", name, path.display());
    }
}

#[test]
fn example_syria_two_articles() {
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/examples/syria-two-articles.txt");
    check("syria-two-articles", &input, Some("2025-07-20"));
}

#[test]
fn own_article_with_page_noise() {
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harbour-fire.txt");
    check("harbour-fire", &input, None);
}
