//! The computed figures of the contract: `realisatie`, `verwacht`,
//! `voortgang` and the status of every indicator, the expected trajectory,
//! and the count of acties per status.

use crate::model::{ActieStatus, Indicator, Statusregels, Voortgang};

/// Computed status of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Behaald,
    OpKoers,
    Aandacht,
    Achter,
    Nulmeting,
    GeenMeting,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Behaald,
        Status::OpKoers,
        Status::Aandacht,
        Status::Achter,
        Status::Nulmeting,
        Status::GeenMeting,
    ];

    /// The key of this status in `teksten.yaml` (its word) and
    /// `huisstijl.yaml` (its colour).
    pub fn key(self) -> &'static str {
        match self {
            Status::Behaald => "behaald",
            Status::OpKoers => "op_koers",
            Status::Aandacht => "aandacht",
            Status::Achter => "achter",
            Status::Nulmeting => "nulmeting",
            Status::GeenMeting => "geen_meting",
        }
    }
}

/// What the report says about one indicator in the report year.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorAnalysis {
    /// The measurement shown: of the report year, or the latest before it.
    pub shown: Option<(i32, f64)>,
    /// Whether `shown` is the measurement of the report year itself.
    pub current: bool,
    /// Share of the required change achieved, in percent.
    pub realisatie: Option<f64>,
    /// Share of the period elapsed, in percent.
    pub verwacht: f64,
    /// `realisatie / verwacht * 100`, when the period has started.
    pub voortgang: Option<f64>,
    pub status: Status,
}

/// Analyse one indicator for report year `year`.
pub fn analyse_indicator(ind: &Indicator, year: i32, rules: &Statusregels) -> IndicatorAnalysis {
    let (j0, w0) = (ind.nulmeting.jaar as f64, ind.nulmeting.waarde);
    let (j1, w1) = (ind.doel.jaar as f64, ind.doel.waarde);
    // Before the baseline year no part of the period has passed (not a
    // negative part): a baseline after the report year gets a warning.
    let verwacht = ((year as f64 - j0) / (j1 - j0) * 100.0).max(0.0);
    let current = ind.metingen.get(&year).copied();
    let shown = ind
        .metingen
        .range(..=year)
        .next_back()
        .map(|(y, w)| (*y, *w));
    let Some(w) = current else {
        return IndicatorAnalysis {
            shown,
            current: false,
            realisatie: None,
            verwacht,
            voortgang: None,
            status: Status::GeenMeting,
        };
    };
    let realisatie = (w - w0) / (w1 - w0) * 100.0;
    let voortgang = (year as f64 > j0).then(|| realisatie / verwacht * 100.0);
    // A tiny tolerance keeps results at exactly a threshold stable against
    // floating-point noise (e.g. 89.99999999 for a true 90).
    const EPS: f64 = 1e-9;
    let status = if realisatie >= 100.0 - EPS {
        Status::Behaald
    } else {
        match voortgang {
            None => Status::Nulmeting,
            Some(v) if v >= rules.op_koers - EPS => Status::OpKoers,
            Some(v) if v >= rules.aandacht - EPS => Status::Aandacht,
            Some(_) => Status::Achter,
        }
    };
    IndicatorAnalysis {
        shown,
        current: true,
        realisatie: Some(realisatie),
        verwacht,
        voortgang,
        status,
    }
}

/// Every status key, in the order editors see them in `teksten.yaml` and
/// `huisstijl.yaml`: indicators, then acties, then doe-voorstellen.
pub fn status_keys() -> Vec<&'static str> {
    Status::ALL
        .iter()
        .map(|s| s.key())
        .chain(crate::model::ActieStatus::ALL.iter().map(|s| s.key()))
        .chain(crate::model::DoeStatus::ALL.iter().map(|s| s.key()))
        .collect()
}

/// The value expected in `year` on the straight line from baseline to target.
pub fn expected_value(ind: &Indicator, year: f64) -> f64 {
    let (j0, w0) = (ind.nulmeting.jaar as f64, ind.nulmeting.waarde);
    let (j1, w1) = (ind.doel.jaar as f64, ind.doel.waarde);
    w0 + (w1 - w0) * (year - j0) / (j1 - j0)
}

/// The analysis of a whole report.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Per indicator, in report order, by id.
    pub indicators: Vec<(String, IndicatorAnalysis)>,
    /// Number of acties per status, in the order of [`ActieStatus::ALL`].
    pub acties_per_status: Vec<(ActieStatus, usize)>,
}

impl Analysis {
    pub fn indicator(&self, id: &str) -> Option<&IndicatorAnalysis> {
        self.indicators
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, a)| a)
    }

    /// Number of indicators per status, in the order of [`Status::ALL`].
    pub fn status_counts(&self) -> Vec<(Status, usize)> {
        Status::ALL
            .iter()
            .map(|s| {
                (
                    *s,
                    self.indicators
                        .iter()
                        .filter(|(_, a)| a.status == *s)
                        .count(),
                )
            })
            .collect()
    }
}

/// Analyse every indicator and count the acties.
pub fn analyse(data: &Voortgang) -> Analysis {
    let year = data.rapport.verslagjaar;
    let indicators = data
        .indicatoren()
        .map(|i| (i.id.clone(), analyse_indicator(i, year, &data.statusregels)))
        .collect();
    let acties_per_status = ActieStatus::ALL
        .iter()
        .map(|s| (*s, data.acties().filter(|a| a.status == *s).count()))
        .collect();
    Analysis {
        indicators,
        acties_per_status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Meetpunt, Richting};

    fn indicator(w0: f64, w1: f64, metingen: &[(i32, f64)]) -> Indicator {
        Indicator {
            id: "x".into(),
            naam: "x".into(),
            eenheid: "x".into(),
            richting: if w1 < w0 {
                Richting::Dalend
            } else {
                Richting::Stijgend
            },
            nulmeting: Meetpunt {
                jaar: 2014,
                waarde: w0,
            },
            doel: Meetpunt {
                jaar: 2020,
                waarde: w1,
            },
            metingen: metingen.iter().copied().collect(),
            uitsplitsing: Default::default(),
            bron: None,
            toelichting: None,
            decimalen: 0,
            landelijk: None,
            opmerkingen: Default::default(),
        }
    }

    /// The worked example of the contract.
    #[test]
    fn worked_example_of_the_contract() {
        let ind = indicator(10.0, 77.0, &[(2014, 10.0), (2016, 34.0)]);
        let a = analyse_indicator(&ind, 2016, &Statusregels::default());
        assert_eq!(
            crate::format_nl::percent(a.realisatie.unwrap()),
            "35,8\u{a0}%"
        );
        assert_eq!(crate::format_nl::percent(a.verwacht), "33,3\u{a0}%");
        assert_eq!(
            crate::format_nl::percent0(a.voortgang.unwrap()),
            "107\u{a0}%"
        );
        assert_eq!(a.status, Status::OpKoers);
        assert!(a.current);
    }

    #[test]
    fn every_status() {
        let rules = Statusregels::default();
        let st = |w: f64, year: i32| {
            analyse_indicator(&indicator(10.0, 70.0, &[(year, w)]), year, &rules).status
        };
        // verwacht in 2017 = 50 %; required change 60.
        assert_eq!(st(70.0, 2017), Status::Behaald);
        assert_eq!(st(80.0, 2017), Status::Behaald);
        assert_eq!(st(37.0, 2017), Status::OpKoers); // realisatie 45 %, voortgang 90 %
        assert_eq!(st(36.9, 2017), Status::Aandacht);
        assert_eq!(st(31.0, 2017), Status::Aandacht); // voortgang 70 %
        assert_eq!(st(30.9, 2017), Status::Achter);
        assert_eq!(st(10.0, 2014), Status::Nulmeting);
        let none = analyse_indicator(&indicator(10.0, 70.0, &[(2015, 20.0)]), 2016, &rules);
        assert_eq!(none.status, Status::GeenMeting);
        assert_eq!(none.shown, Some((2015, 20.0)));
        assert!(!none.current);
    }

    #[test]
    fn falling_indicator_uses_the_same_formula() {
        // From 40 % down to 20 % in 2020; in 2017 half the period is gone.
        let rules = Statusregels::default();
        let ind = indicator(40.0, 20.0, &[(2017, 30.0)]);
        let a = analyse_indicator(&ind, 2017, &rules);
        assert!((a.realisatie.unwrap() - 50.0).abs() < 1e-9);
        assert_eq!(a.status, Status::OpKoers);
        let worse = analyse_indicator(&indicator(40.0, 20.0, &[(2017, 45.0)]), 2017, &rules);
        assert!(worse.realisatie.unwrap() < 0.0);
        assert_eq!(worse.status, Status::Achter);
        let done = analyse_indicator(&indicator(40.0, 20.0, &[(2017, 19.0)]), 2017, &rules);
        assert_eq!(done.status, Status::Behaald);
    }

    #[test]
    fn custom_thresholds() {
        let rules = Statusregels {
            op_koers: 110.0,
            aandacht: 100.0,
        };
        let ind = indicator(10.0, 77.0, &[(2016, 34.0)]);
        assert_eq!(
            analyse_indicator(&ind, 2016, &rules).status,
            Status::Aandacht
        );
    }

    #[test]
    fn expected_trajectory_is_linear() {
        let ind = indicator(10.0, 70.0, &[]);
        assert_eq!(expected_value(&ind, 2014.0), 10.0);
        assert_eq!(expected_value(&ind, 2017.0), 40.0);
        assert_eq!(expected_value(&ind, 2020.0), 70.0);
    }
}
