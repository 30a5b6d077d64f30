fn main() {
    let p = std::env::args().nth(1).unwrap();
    let b = std::fs::read(p).unwrap();
    print!("{}", pdf_extract::extract_text_from_mem(&b).unwrap());
}
