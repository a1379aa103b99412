//! CSV for spreadsheets, one writer for every table gloss writes: one annotation a row with all
//! attributes (the `csv` format), and the casualty table. A cell that a spreadsheet would run as
//! a formula is escaped; a plain number is not.

use serde_json::Value;

use super::{Named, spans};
use crate::annotation::Label;
use crate::document::Document;
use crate::text::offset::Unit;

/// One cell: quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or `@`
/// is escaped with `'` so a spreadsheet shows it instead of running it as a formula, unless the
/// cell is a plain number (`-12`).
pub(super) fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s }
}

/// A table: the header, then one line of escaped cells a row.
fn table<R: AsRef<[String]>>(header: &str, rows: impl IntoIterator<Item = R>) -> String {
    let mut out = String::from(header);
    out.push('\n');
    for row in rows {
        let cells: Vec<String> = row.as_ref().iter().map(|c| field(c)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn number(v: Option<u64>) -> String {
    v.map_or(String::new(), |v| v.to_string())
}

/// A serde enum's name as it appears in JSON (`auto`, `suggested`).
fn name_of<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// Every annotation of `docs` (rejected suggestions left out), one a row with all attributes.
pub fn serialize(docs: &[Named]) -> String {
    let mut rows = Vec::new();
    for (k, d) in docs.iter().enumerate() {
        let doc_id = match &d.id {
            Some(Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
            None => (k + 1).to_string(),
        };
        for a in spans(&d.doc) {
            let c = a.casualty.as_ref();
            rows.push([
                doc_id.clone(),
                a.id.clone(),
                a.label.as_str().to_string(),
                a.start.to_string(),
                a.end.to_string(),
                a.quote.clone(),
                name_of(a.origin),
                name_of(a.status),
                a.entity.clone().unwrap_or_default(),
                a.date.as_ref().map(|d| d.kind.clone()).unwrap_or_default(),
                a.date.as_ref().map(|d| d.value.clone()).unwrap_or_default(),
                c.map(|c| c.category.clone()).unwrap_or_default(),
                number(c.and_then(|c| c.count)),
                c.map(|c| c.qualifier.clone()).unwrap_or_default(),
                number(c.and_then(|c| c.min)),
                number(c.and_then(|c| c.max)),
                c.and_then(|c| c.victims.clone()).unwrap_or_default(),
                c.and_then(|c| c.scope.clone()).unwrap_or_default(),
                c.and_then(|c| c.incident.clone()).unwrap_or_default(),
            ]);
        }
    }
    table("document,id,label,start,end,quote,origin,status,entity,date_type,date_value,category,count,qualifier,min,max,victims,scope,incident", rows)
}

/// The casualty annotations of `doc` as CSV (offsets in code points), one row each.
pub fn casualties(doc: &Document) -> String {
    let map = doc.offsets();
    let rows = doc.live().filter(|a| a.label == Label::Casualty).filter_map(|a| {
        let c = a.casualty.as_ref()?;
        Some([
            a.id_string(),
            map.from_byte(a.start, Unit::CodePoint).to_string(),
            map.from_byte(a.end, Unit::CodePoint).to_string(),
            doc.text()[a.start..a.end].to_string(),
            c.category.clone(),
            number(c.count),
            c.qualifier.clone(),
            number(c.min),
            number(c.max),
            c.victims.clone().unwrap_or_default(),
            c.scope.clone().unwrap_or_default(),
            c.incident.clone().unwrap_or_default(),
            name_of(a.origin),
        ])
    });
    table("id,start,end,quote,category,count,qualifier,min,max,victims,scope,incident,origin", rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_escaped_but_numbers_are_not() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-12"), "-12");
        assert_eq!(field("-5"), "-5");
        assert_eq!(field("-2+3"), "'-2+3");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
    }

    #[test]
    fn the_casualty_table_counts_code_points() {
        let doc = crate::annotate("🎉 Three killed, 12 wounded.", None).unwrap();
        let csv = casualties(&doc);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "id,start,end,quote,category,count,qualifier,min,max,victims,scope,incident,origin");
        assert_eq!(lines.len(), 3, "{csv}");
        // Code points: the emoji counts one.
        assert!(lines[1].contains(",2,7,Three,killed,3,exact,,,,incident,i1,auto"), "{csv}");
    }
}
