//! Any file in any format gloss reads (the first byte picks the format, or lets the core
//! detect it): an import either fails with a message or gives sound documents that export
//! and import again.
#![no_main]
use gloss::format::{self, Format};
use libfuzzer_sys::fuzz_target;

const TEXT: &str = "Putin met Erdogan in Sochi on Friday; 12 people were killed. 👨‍👩‍👧 مرحبا\r\n中文 e\u{301}";

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let content = String::from_utf8_lossy(rest);
    let readable: Vec<Format> = Format::ALL.into_iter().filter(|f| f.can_import()).collect();
    let format = match readable.get(pick as usize % (readable.len() + 1)) {
        Some(&f) => f,
        None => format::detect("file", &content),
    };
    let Ok(docs) = format::deserialize(format, &content, Some(TEXT)) else { return };
    for d in &docs {
        d.doc.check().unwrap();
    }
    if let Ok(out) = format::serialize(format, &docs) {
        if format.can_import() {
            let again = format::deserialize(format, &out, Some(TEXT)).unwrap();
            assert_eq!(again.len(), docs.len());
            for d in &again {
                d.doc.check().unwrap();
            }
        }
    }
    let _ = gloss::format::gloss::parse(&content).map(|d| d.check().unwrap());
});
