//! The font obfuscation of ECMA-376 Part 1, §17.8.1, and the key of each
//! font file. Shared by the build script, which obfuscates and compresses
//! the embedded fonts once, and the tests, which undo it; so it uses
//! nothing but the standard library.

/// A GUID-shaped key from the font's bytes (FNV-1a, twice 64 bits): the
/// same font gets the same key, so the output stays byte-identical.
pub fn font_key(bytes: &[u8]) -> String {
    let fnv = |basis: u64| {
        bytes.iter().fold(basis, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    let h = format!(
        "{:016X}{:016X}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x6c62_272e_07bb_0142)
    );
    format!(
        "{{{}-{}-{}-{}-{}}}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// The first 32 bytes of the font XOR the 16 bytes of the key, taken from
/// the end of the GUID to its start.
pub fn obfuscate(font: &[u8], key: &str) -> Vec<u8> {
    let hex: Vec<u8> = key
        .chars()
        .filter(|c| c.is_ascii_hexdigit())
        .map(|c| c.to_digit(16).expect("a hex digit") as u8)
        .collect();
    let key_bytes: Vec<u8> = (0..16)
        .map(|i| {
            let at = 30 - 2 * i;
            hex[at] * 16 + hex[at + 1]
        })
        .collect();
    let mut out = font.to_vec();
    for (i, b) in out.iter_mut().take(32).enumerate() {
        *b ^= key_bytes[i % 16];
    }
    out
}
