//! A small writer of XML text for the parts of the DOCX and ODF packages:
//! elements are written in the order the caller gives (the schema order of
//! ECMA-376 or ODF 1.3), and every text and attribute value goes through
//! quick-xml's escaping. Writing into a `String` cannot fail, so no method
//! returns an error.

use quick_xml::escape::escape;

/// The XML declaration every part starts with.
const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// XML text being written.
#[derive(Default)]
pub struct Xml {
    out: String,
}

/// Attributes of an element, in the order written.
pub type Attrs<'a> = &'a [(&'a str, &'a str)];

impl Xml {
    /// A part: the declaration, then what the caller writes.
    pub fn part() -> Self {
        let mut out = String::with_capacity(4096);
        out.push_str(DECLARATION);
        Xml { out }
    }

    /// A fragment without declaration (a piece of a part).
    pub fn fragment() -> Self {
        Xml::default()
    }

    fn start_tag(&mut self, tag: &str, attrs: Attrs) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            self.out.push_str(&escape(*value));
            self.out.push('"');
        }
    }

    /// `<tag attrs>`.
    pub fn open(&mut self, tag: &str, attrs: Attrs) {
        self.start_tag(tag, attrs);
        self.out.push('>');
    }

    /// `<tag attrs/>`.
    pub fn empty(&mut self, tag: &str, attrs: Attrs) {
        self.start_tag(tag, attrs);
        self.out.push_str("/>");
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    /// Escaped character data.
    pub fn text(&mut self, text: &str) {
        self.out.push_str(&escape(text));
    }

    /// `<tag attrs>text</tag>`.
    pub fn leaf(&mut self, tag: &str, attrs: Attrs, text: &str) {
        self.open(tag, attrs);
        self.text(text);
        self.close(tag);
    }

    /// `<tag w:val="value"/>`, the most common element of WordprocessingML.
    pub fn val(&mut self, tag: &str, value: &str) {
        self.empty(tag, &[("w:val", value)]);
    }

    /// XML written elsewhere with this writer, as it is.
    pub fn raw(&mut self, xml: &str) {
        self.out.push_str(xml);
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut x = Xml::fragment();
        x.open("w:p", &[("w:a", "\"<&>\"")]);
        x.leaf("w:t", &[], "a < b & c");
        x.val("w:jc", "left");
        x.close("w:p");
        assert_eq!(
            x.finish(),
            r#"<w:p w:a="&quot;&lt;&amp;&gt;&quot;"><w:t>a &lt; b &amp; c</w:t><w:jc w:val="left"/></w:p>"#
        );
    }
}
