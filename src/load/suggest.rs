//! "Bedoelde u ...?" suggestions for misspelt names.

/// The candidate closest to `word`, when it is close enough to be a typo.
pub fn did_you_mean<'a>(word: &str, candidates: &'a [String]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let known = vec![
            "nulmeting".to_string(),
            "doel".to_string(),
            "metingen".to_string(),
        ];
        assert_eq!(did_you_mean("nulmting", &known), Some("nulmeting"));
        assert_eq!(did_you_mean("meting", &known), Some("metingen"));
        assert_eq!(did_you_mean("xyz", &known), None);
    }
}
