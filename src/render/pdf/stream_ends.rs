//! Makes the end of every PDF stream unambiguous for PDF/A validators.
//!
//! The PDF writer under Typst ends a stream with `data`, `\n`, `endstream`.
//! When compressed data happens to end with a carriage return (one stream
//! in 256), a validator sees `\r\n` before `endstream`, takes it for the
//! end-of-line marker, and finds the data one byte shorter than `/Length`
//! (ISO 19005-2, 6.1.7.1; `page-validation` reports
//! PDFA2A-STREAM-LENGTH-001). Writing `\r\n` instead of `\n` after such data
//! keeps `/Length` right under both readings. The inserted bytes move the
//! objects after them, so the cross-reference table and `startxref` are
//! rewritten with the new offsets, in the same fixed-width form.
//!
//! The step changes nothing in a PDF where no stream ends with `\r`, and it
//! is deterministic: the same PDF gives the same bytes.

use memchr::memmem;

/// `pdf` with a `\r` inserted before the end-of-line marker of each stream
/// whose data ends with `\r`. A PDF whose layout it does not recognise (no
/// classic cross-reference table) is returned unchanged.
pub fn fix(pdf: Vec<u8>) -> Vec<u8> {
    let Some(layout) = Layout::read(&pdf) else {
        return pdf;
    };
    let inserts = layout.stream_ends_with_cr(&pdf);
    if inserts.is_empty() {
        return pdf;
    }
    let shift = |offset: usize| offset + inserts.partition_point(|&at| at < offset);
    let mut out = Vec::with_capacity(pdf.len() + inserts.len() + 8);
    let mut from = 0;
    for &at in &inserts {
        out.extend_from_slice(&pdf[from..at]);
        out.push(b'\r');
        from = at;
    }
    out.extend_from_slice(&pdf[from..layout.xref]);
    // The table: same entries, moved offsets (10 digits each).
    out.extend_from_slice(&pdf[layout.xref..layout.first_entry]);
    for (i, entry) in pdf[layout.first_entry..layout.entries_end]
        .chunks(ENTRY)
        .enumerate()
    {
        if layout.in_use.binary_search(&i).is_ok() {
            let offset = parse_usize(&entry[..10]).unwrap_or(0);
            out.extend_from_slice(format!("{:010}", shift(offset)).as_bytes());
            out.extend_from_slice(&entry[10..]);
        } else {
            out.extend_from_slice(entry);
        }
    }
    out.extend_from_slice(&pdf[layout.entries_end..layout.startxref_value]);
    out.extend_from_slice(shift(layout.xref).to_string().as_bytes());
    out.extend_from_slice(&pdf[layout.startxref_value_end..]);
    out
}

/// Length of one cross-reference entry: `0000000123 00000 n\r\n`.
const ENTRY: usize = 20;

/// Where the parts of a PDF with one classic cross-reference table are.
struct Layout {
    /// Offset of the `xref` keyword.
    xref: usize,
    /// Offset of the first entry of the table.
    first_entry: usize,
    entries_end: usize,
    /// Indexes of the in-use entries, ascending.
    in_use: Vec<usize>,
    /// Offsets of the objects in use, ascending.
    objects: Vec<usize>,
    /// The digits after `startxref`.
    startxref_value: usize,
    startxref_value_end: usize,
}

fn parse_usize(digits: &[u8]) -> Option<usize> {
    std::str::from_utf8(digits).ok()?.trim().parse().ok()
}

impl Layout {
    fn read(pdf: &[u8]) -> Option<Self> {
        let keyword = memmem::rfind(pdf, b"startxref\n")?;
        let startxref_value = keyword + b"startxref\n".len();
        let len = pdf[startxref_value..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let startxref_value_end = startxref_value + len;
        let xref = parse_usize(&pdf[startxref_value..startxref_value_end])?;
        // `xref\n0 N\n`, then N entries.
        let head = pdf.get(xref..)?.strip_prefix(b"xref\n0 ")?;
        let count_len = head.iter().take_while(|b| b.is_ascii_digit()).count();
        let count = parse_usize(&head[..count_len])?;
        if head.get(count_len) != Some(&b'\n') {
            return None;
        }
        let first_entry = xref + b"xref\n0 ".len() + count_len + 1;
        let entries_end = first_entry + count * ENTRY;
        let table = pdf.get(first_entry..entries_end)?;
        let mut in_use = Vec::new();
        let mut objects = Vec::new();
        for (i, entry) in table.chunks(ENTRY).enumerate() {
            if &entry[18..] != b"\r\n" {
                return None;
            }
            if entry[17] == b'n' {
                in_use.push(i);
                objects.push(parse_usize(&entry[..10])?);
            }
        }
        objects.sort_unstable();
        Some(Self {
            xref,
            first_entry,
            entries_end,
            in_use,
            objects,
            startxref_value,
            startxref_value_end,
        })
    }

    /// Offsets of the `\n` before `endstream` of every stream whose data
    /// ends with `\r`, ascending.
    fn stream_ends_with_cr(&self, pdf: &[u8]) -> Vec<usize> {
        let mut out = Vec::new();
        let ends = self.objects.iter().skip(1).copied().chain([self.xref]);
        for (start, end) in self.objects.iter().copied().zip(ends) {
            let Some(object) = pdf.get(start..end) else {
                continue;
            };
            let Some(stream) = memmem::find(object, b">>\nstream\n") else {
                continue;
            };
            let data = stream + b">>\nstream\n".len();
            let Some(close) = memmem::rfind(object, b"\nendstream\nendobj\n") else {
                continue;
            };
            // Only a stream whose dictionary states exactly this length.
            let length = format!("/Length {}", close.saturating_sub(data));
            let dict = &object[..stream];
            let stated = memmem::find_iter(dict, length.as_bytes())
                .any(|at| !dict.get(at + length.len()).is_some_and(u8::is_ascii_digit));
            if stated && close > data && object[close - 1] == b'\r' {
                out.push(start + close);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF in the writer's layout with the given stream data.
    fn pdf(data: &[&[u8]]) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, d) in data.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(
                format!("{} 0 obj\n<</Length {}>>\nstream\n", i + 1, d.len()).as_bytes(),
            );
            out.extend_from_slice(d);
            out.extend_from_slice(b"\nendstream\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(format!("xref\n0 {}\n", data.len() + 1).as_bytes());
        out.extend_from_slice(b"0000000000 65535 f\r\n");
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n\r\n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<</Size {}>>\nstartxref\n{xref}\n%%EOF",
                data.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    /// Every object offset in the table points at `N 0 obj`, and
    /// `startxref` at `xref`.
    fn offsets_are_right(pdf: &[u8]) {
        let layout = Layout::read(pdf).expect("readable");
        assert!(pdf[layout.xref..].starts_with(b"xref\n"));
        for (n, o) in layout.objects.iter().enumerate() {
            assert!(pdf[*o..].starts_with(format!("{} 0 obj", n + 1).as_bytes()));
        }
    }

    #[test]
    fn streams_ending_with_cr_get_a_crlf_and_offsets_move() {
        let before = pdf(&[b"abc", b"x\r", b"\r\r", b"end"]);
        let after = fix(before.clone());
        assert_eq!(after.len(), before.len() + 2);
        assert!(memmem::find(&after, b"x\r\r\nendstream").is_some());
        assert!(memmem::find(&after, b"<</Length 2>>\nstream\n\r\r\r\nendstream").is_some());
        assert!(memmem::find(&after, b"abc\nendstream").is_some());
        offsets_are_right(&before);
        offsets_are_right(&after);
        assert_eq!(fix(after.clone()), after, "a fixed PDF stays as it is");
    }

    #[test]
    fn a_pdf_without_such_streams_is_unchanged() {
        let before = pdf(&[b"abc", b"\rx"]);
        assert_eq!(fix(before.clone()), before);
        assert_eq!(fix(b"not a pdf".to_vec()), b"not a pdf");
    }
}
