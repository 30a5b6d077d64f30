//! The second composer: the national overview of the landsdelen
//! (`techniekpact landelijk`), over the same document model and with the
//! same helpers as a landsdeel's report. It decides the national report's
//! content and order: the state of every landsdeel side by side, each
//! national indicator over the landsdelen (with a national total where the
//! figures add up and are complete), each action line, one chapter per
//! landsdeel with the same structure, and the appendices of definitions
//! and files.
//!
//! Every figure, realisatie and status of a landsdeel is made by the same
//! code and from the same analysis as its own report: a row of a
//! landsdeel's indicator is [`Composer::indicator_row`] with that
//! landsdeel's data and analysis in place.

use super::*;
use crate::analysis::Analysis;
use crate::model::{ActieStatus, DoeStatus, Voortgang};
use crate::national::model::{JaNee, Landelijk, LandelijkeIndicator};

/// A landsdeel as the national report shows it.
pub struct Region<'a> {
    pub naam: &'a str,
    /// Its file as `LANDELIJK.yaml` names it.
    pub bestand: Option<&'a str>,
    /// Its data (typeset as its own report shows it) and analysis, when it
    /// delivered a file.
    pub report: Option<(&'a Voortgang, &'a Analysis)>,
    /// The name of its own report's files (`techniekpact-noord-2016`).
    pub slug: Option<String>,
}

/// A landsdeel's count per status key, from its data and analysis.
type Counts = dyn Fn(&Voortgang, &Analysis) -> Vec<(String, usize)>;

/// Pick a word of the national overview.
type PickL = fn(&crate::document::texts::Landelijk) -> &Text;

/// Build the national overview. `own` is the national file's title, year
/// and action lines in the shape of a landsdeel's file, which the shared
/// helpers read; `regions` are the landsdelen in the file's order.
pub fn compose_national<'a>(
    national: &'a Landelijk,
    own: &'a Voortgang,
    nothing: &'a Analysis,
    regions: &'a [Region<'a>],
    logo: Option<Logo>,
    texts: &'a TextSet,
    style: &'a HouseStyle,
) -> Result<Composed, crate::diagnostics::Problems> {
    let mut b = Composer::start(own, nothing, texts, style);
    b.national_summary(regions);
    if national
        .inleiding
        .as_deref()
        .is_some_and(|t| !t.trim().is_empty())
    {
        b.heading(1, b.kop(|k| &k.inleiding));
        b.markdown(&national.inleiding);
    }
    b.national_indicators(national, regions);
    b.action_lines(national, regions);
    b.regions(regions);
    b.definitions(national, regions);
    b.files(regions);
    b.national_colophon(regions);
    let meta = b.national_meta(logo);
    let mut figures = crate::document::open_data::OpenData { tables: Vec::new() };
    for (data, analysis) in regions.iter().filter_map(|r| r.report) {
        let theirs = crate::document::open_data::compose(data, analysis, texts);
        if figures.tables.is_empty() {
            figures = theirs;
        } else {
            for (all, more) in figures.tables.iter_mut().zip(theirs.tables) {
                all.rows.extend(more.rows);
            }
        }
    }
    b.finish_with(meta, figures)
}

impl<'a> Composer<'a> {
    /// A word of the national overview, for this year.
    fn nw(&self, pick: PickL) -> String {
        self.fill(
            pick(&self.t.landelijk),
            context! { jaar => self.year(), verslagjaar => self.year() },
        )
    }

    /// A text of the national overview filled in with `ctx`.
    fn nfill(&self, pick: PickL, ctx: minijinja::Value) -> String {
        self.fill(pick(&self.t.landelijk), ctx)
    }

    /// Run `f` with a landsdeel's data and analysis in place of the
    /// national ones, so that the shared helpers show its figures as its
    /// own report does.
    fn as_region<R>(
        &mut self,
        report: (&'a Voortgang, &'a Analysis),
        f: impl FnOnce(&mut Self) -> R,
    ) -> R {
        let saved = (self.data, self.analysis);
        (self.data, self.analysis) = report;
        let out = f(self);
        (self.data, self.analysis) = saved;
        out
    }

    /// The summary: the editor's text, who delivered, and every
    /// landsdeel's indicators, actions and doe-voorstellen by status side
    /// by side.
    fn national_summary(&mut self, regions: &'a [Region<'a>]) {
        self.heading(1, self.kop(|k| &k.samenvatting));
        self.markdown(&self.data.samenvatting.clone());
        self.heading(2, self.nw(|l| &l.overzicht));
        let delivered: Vec<&Region> = regions.iter().filter(|r| r.report.is_some()).collect();
        let concepts: Vec<String> = delivered
            .iter()
            .filter(|r| {
                r.report
                    .is_some_and(|(d, _)| d.rapport.status == RapportStatus::Concept)
            })
            .map(|r| r.naam.to_string())
            .collect();
        let missing: Vec<String> = regions
            .iter()
            .filter(|r| r.report.is_none())
            .map(|r| r.naam.to_string())
            .collect();
        self.fragment(
            |t| &t.landelijk.stand,
            context! {
                geleverd => delivered.len(),
                aantal => regions.len(),
                verslagjaar => self.year(),
                concepten => self.enumerate(&concepts),
                ontbrekend => self.enumerate(&missing),
            },
        );
        let none = self.nw(|l| &l.geen_rapportage);
        let rows: Vec<Vec<Cell>> = regions
            .iter()
            .map(|r| match r.report {
                None => vec![
                    Cell::text(r.naam),
                    Cell::text(none.clone()),
                    Cell::text("–"),
                    Cell::text("–"),
                    Cell::text("–"),
                ],
                Some((d, a)) => vec![
                    Cell::text(r.naam),
                    Cell::text(self.report_status(d.rapport.status)),
                    Cell::text(a.indicators.len().to_string()),
                    Cell::text(d.acties().count().to_string()),
                    Cell::text(d.doe_voorstellen.len().to_string()),
                ],
            })
            .collect();
        let caption = Caption::of(self.nw(|l| &l.bijschrift_stand));
        let columns = vec![
            Column::wrapping(self.w(|w| &w.landsdeel), 1.6),
            Column::wrapping(self.nw(|l| &l.rapportage), 2.0),
            Column::fitting(self.nw(|l| &l.aantal_indicatoren), 1.0).right(),
            Column::fitting(self.nw(|l| &l.aantal_acties), 1.0).right(),
            Column::fitting(self.nw(|l| &l.aantal_doe_voorstellen), 1.0).right(),
        ];
        self.table(caption, columns, rows);

        let bar = |r: &Region, counts: &Counts| charts::status_bars::Bar {
            name: r.naam.to_string(),
            counts: r.report.map(|(d, a)| {
                counts(d, a)
                    .into_iter()
                    .map(|(k, n)| {
                        let word = self.texts.status(&k);
                        (k, word, n)
                    })
                    .collect()
            }),
        };
        let indicators: Vec<_> = regions
            .iter()
            .map(|r| {
                bar(r, &|_, a: &Analysis| {
                    a.status_counts()
                        .into_iter()
                        .map(|(s, n)| (s.key().to_string(), n))
                        .collect()
                })
            })
            .collect();
        let actions: Vec<_> = regions
            .iter()
            .map(|r| {
                bar(r, &|d: &Voortgang, _| {
                    ActieStatus::ALL
                        .iter()
                        .map(|s| {
                            (
                                s.key().to_string(),
                                d.acties().filter(|x| x.status == *s).count(),
                            )
                        })
                        .collect()
                })
            })
            .collect();
        let proposals: Vec<_> = regions
            .iter()
            .map(|r| {
                bar(r, &|d: &Voortgang, _| {
                    DoeStatus::ALL
                        .iter()
                        .map(|s| {
                            (
                                s.key().to_string(),
                                d.doe_voorstellen.iter().filter(|x| x.status == *s).count(),
                            )
                        })
                        .collect()
                })
            })
            .collect();
        for (id, bars, pick) in [
            (
                "statussen-indicatoren",
                indicators,
                (|l| &l.grafiek_indicatoren) as PickL,
            ),
            ("statussen-acties", actions, |l| &l.grafiek_acties),
            ("statussen-doe-voorstellen", proposals, |l| {
                &l.grafiek_doe_voorstellen
            }),
        ] {
            let chart =
                charts::status_bars::status_bars(id, &bars, self.style, self.nw(pick), &none);
            self.figure(chart, 0.85);
        }
    }

    /// A section per national indicator: the landsdelen's figures in one
    /// table, small multiples on the same axes, and the national total
    /// where the figures add up.
    fn national_indicators(&mut self, national: &'a Landelijk, regions: &'a [Region<'a>]) {
        self.heading(1, self.nw(|l| &l.indicatoren));
        if national.indicatoren.is_empty() {
            self.fragment(|t| &t.landelijk.geen_landelijke_indicatoren, context! {});
            return;
        }
        for ni in &national.indicatoren {
            self.national_indicator(ni, regions);
        }
    }

    fn national_indicator(&mut self, ni: &'a LandelijkeIndicator, regions: &'a [Region<'a>]) {
        self.heading(2, ni.naam.clone());
        self.markdown(&ni.toelichting);
        // The landsdelen that report on it, with their indicator.
        let reporting = reporting_on(ni, regions);
        let names: Vec<String> = reporting.iter().map(|(r, _)| r.naam.to_string()).collect();
        let not: Vec<String> = regions
            .iter()
            .filter(|r| !names.iter().any(|n| n == r.naam))
            .map(|r| r.naam.to_string())
            .collect();
        self.fragment(
            |t| &t.landelijk.indicator_landsdelen,
            context! {
                landsdelen => self.enumerate(&names),
                aantal => names.len(),
                niet => self.enumerate(&not),
            },
        );
        if reporting.is_empty() {
            return;
        }
        let rows: Vec<Vec<Cell>> = reporting
            .iter()
            .map(|(r, ind)| {
                let report = r.report.expect("a reporting landsdeel has a file");
                let mut row = self.as_region(report, |c| c.indicator_row(ind));
                row[0] = Cell::text(r.naam);
                row
            })
            .collect();
        let caption = Caption::of(self.nfill(
            |l| &l.bijschrift_indicator,
            context! { naam => ni.naam.clone(), jaar => self.year() },
        ));
        let columns = self.indicator_columns(self.w(|w| &w.landsdeel));
        self.table(caption, columns, rows);
        self.source(sources(&reporting).as_deref());
        let panels: Vec<charts::small_multiples::Panel> = reporting
            .iter()
            .map(|(r, ind)| charts::small_multiples::Panel {
                name: r.naam.to_string(),
                indicator: ind,
            })
            .collect();
        let words = charts::small_multiples::Words {
            metingen: self.chart_text(|g| &g.metingen, context! {}),
            doel: self
                .chart_text(|g| &g.doel, context! { waarde => "" })
                .trim()
                .to_string(),
            verslagjaar: self.chart_text(|g| &g.verslagjaar, context! { jaar => self.year() }),
            caption: self.nfill(|l| &l.grafiek_panelen, context! { naam => ni.naam.clone() }),
            geen_metingen: self.nw(|l| &l.geen_metingen),
        };
        let chart = charts::small_multiples::small_multiples(
            &format!("landelijk-{}", ni.id),
            &panels,
            self.year(),
            self.style,
            &words,
        );
        self.figure(chart, 1.0);
        if ni.optellen == JaNee::Ja {
            self.national_total(ni, &reporting);
        } else {
            self.fragment(
                |t| &t.landelijk.telt_niet_op,
                context! { eenheid => ni.eenheid.clone() },
            );
        }
    }

    /// The national total per year: only the years in which every
    /// landsdeel that reports on the indicator has a figure; the others
    /// named, with who lacks it.
    fn national_total(&mut self, ni: &LandelijkeIndicator, reporting: &[(&Region, &Indicator)]) {
        let year = self.year();
        let years: std::collections::BTreeSet<i32> = reporting
            .iter()
            .flat_map(|(_, i)| i.metingen.range(..=year).map(|(y, _)| *y))
            .collect();
        let decimals = reporting
            .iter()
            .map(|(_, i)| i.decimalen)
            .max()
            .unwrap_or(0);
        let mut rows = Vec::new();
        let mut left_out = Vec::new();
        for y in years {
            let lacking: Vec<String> = reporting
                .iter()
                .filter(|(_, i)| !i.metingen.contains_key(&y))
                .map(|(r, _)| r.naam.to_string())
                .collect();
            if lacking.is_empty() {
                let sum: f64 = reporting.iter().map(|(_, i)| i.metingen[&y]).sum();
                rows.push(vec![
                    Cell::text(y.to_string()),
                    Cell::text(format!("{} {}", number(sum, decimals), ni.eenheid)),
                ]);
            } else {
                left_out.push(self.nfill(
                    |l| &l.weggelaten_jaar,
                    context! { jaar => y, landsdelen => self.enumerate(&lacking) },
                ));
            }
        }
        self.fragment(|t| &t.landelijk.totaal_uitleg, context! {});
        if !rows.is_empty() {
            let caption = Caption::of(self.nfill(
                |l| &l.bijschrift_totaal,
                context! { naam => ni.naam.clone() },
            ));
            let columns = vec![
                Column::fitting(self.w(|w| &w.jaar), 0.8),
                Column::fitting(self.nw(|l| &l.totaal), 1.6).right(),
            ];
            self.table(caption, columns, rows);
        }
        if !left_out.is_empty() {
            self.fragment(
                |t| &t.landelijk.totaal_weggelaten,
                context! { weggelaten => self.enumerate(&left_out) },
            );
        }
    }

    /// A section per national action line: the landsdelen's indicators
    /// under it with their status, and their actions by status.
    fn action_lines(&mut self, national: &'a Landelijk, regions: &'a [Region<'a>]) {
        self.heading(1, self.nw(|l| &l.actielijnen));
        for line in &national.actielijnen {
            self.heading(2, line.naam.clone());
            let mut rows = Vec::new();
            let mut actions = Vec::new();
            for r in regions {
                let Some((d, a)) = r.report else { continue };
                let themes: Vec<&Thema> = d
                    .themas()
                    .filter(|t| t.actielijn.as_deref() == Some(line.id.as_str()))
                    .collect();
                for t in &themes {
                    for ind in &t.indicatoren {
                        let status = a
                            .indicator(&ind.id)
                            .expect("every indicator is analysed")
                            .status;
                        rows.push(vec![
                            Cell::text(r.naam),
                            Cell::text(ind.naam.clone()),
                            Cell::inlines(vec![self.status(status.key())]),
                        ]);
                    }
                }
                let counts: Vec<usize> = ActieStatus::ALL
                    .iter()
                    .map(|s| {
                        themes
                            .iter()
                            .flat_map(|t| &t.acties)
                            .filter(|x| x.status == *s)
                            .count()
                    })
                    .collect();
                if counts.iter().sum::<usize>() > 0 {
                    let mut row = vec![Cell::text(r.naam)];
                    row.extend(counts.iter().map(|n| Cell::text(n.to_string())));
                    actions.push(row);
                }
            }
            if rows.is_empty() && actions.is_empty() {
                self.fragment(|t| &t.landelijk.actielijn_leeg, context! {});
                continue;
            }
            if !rows.is_empty() {
                let caption = Caption::of(self.nfill(
                    |l| &l.bijschrift_actielijn_indicatoren,
                    context! { naam => line.naam.clone(), jaar => self.year() },
                ));
                let columns = vec![
                    Column::wrapping(self.w(|w| &w.landsdeel), 1.4),
                    Column::wrapping(self.w(|w| &w.indicator), 3.4),
                    Column::fitting(self.w(|w| &w.status), 1.5),
                ];
                self.table(caption, columns, rows);
            }
            if !actions.is_empty() {
                let caption = Caption::of(self.nfill(
                    |l| &l.bijschrift_actielijn_acties,
                    context! { naam => line.naam.clone() },
                ));
                let mut columns = vec![Column::wrapping(self.w(|w| &w.landsdeel), 1.4)];
                for s in ActieStatus::ALL {
                    columns.push(Column::fitting(self.texts.status(s.key()), 1.0).right());
                }
                self.table(caption, columns, actions);
            }
        }
    }

    /// One chapter section per landsdeel, each with the same structure:
    /// where its figures come from, its indicators as its own table 1
    /// shows them, and its doe-voorstellen.
    fn regions(&mut self, regions: &'a [Region<'a>]) {
        self.heading(1, self.nw(|l| &l.landsdelen));
        for r in regions {
            self.heading(2, r.naam.to_string());
            let Some(report) = r.report else {
                self.fragment(
                    |t| &t.landelijk.landsdeel_geen,
                    context! { landsdeel => r.naam, verslagjaar => self.year() },
                );
                continue;
            };
            let (d, _) = report;
            let status = self.report_status(d.rapport.status);
            self.fragment(
                |t| &t.landelijk.landsdeel_bestand,
                context! {
                    bestand => r.bestand.unwrap_or(""),
                    status => status,
                    datum => self.texts.date(d.rapport.publicatiedatum),
                    landsdeel => r.naam,
                    rapport => r.slug.as_deref().map(|s| format!("{s}.pdf")).unwrap_or_default(),
                },
            );
            let rows: Vec<Vec<Cell>> = self.as_region(report, |c| {
                c.data
                    .indicatoren()
                    .map(|ind| c.indicator_row(ind))
                    .collect()
            });
            if !rows.is_empty() {
                let caption = Caption::of(self.nfill(
                    |l| &l.bijschrift_landsdeel,
                    context! { landsdeel => r.naam, jaar => self.year() },
                ));
                let columns = self.indicator_columns(self.w(|w| &w.indicator));
                self.table(caption, columns, rows);
            }
            if !d.doe_voorstellen.is_empty() {
                let mut items: Vec<_> = d.doe_voorstellen.iter().collect();
                items.sort_by_key(|p| p.nummer);
                let rows = items
                    .iter()
                    .map(|p| {
                        vec![
                            Cell::text(p.nummer.to_string()),
                            Cell::text(p.naam.clone()),
                            Cell::inlines(vec![self.status(p.status.key())]),
                        ]
                    })
                    .collect();
                let caption = Caption::of(self.nfill(
                    |l| &l.bijschrift_landsdeel_doe,
                    context! { landsdeel => r.naam },
                ));
                let columns = vec![
                    Column::fitting(self.w(|w| &w.nummer), 0.5).right(),
                    Column::wrapping(self.w(|w| &w.doe_voorstel), 3.4),
                    Column::fitting(self.w(|w| &w.status), 1.5),
                ];
                self.table(caption, columns, rows);
            }
        }
    }

    /// Appendix: the national indicators' definitions, and how the figures
    /// are computed.
    fn definitions(&mut self, national: &'a Landelijk, regions: &'a [Region<'a>]) {
        self.appendix_heading(self.nw(|l| &l.bijlage_definities), Target::BijlageMetingen);
        self.fragment(|t| &t.landelijk.definities, context! {});
        if national.indicatoren.is_empty() {
            return;
        }
        let (ja, nee) = (self.nw(|l| &l.ja), self.nw(|l| &l.nee));
        let rows = national
            .indicatoren
            .iter()
            .map(|ni| {
                let mut name = Cell::text(ni.naam.clone());
                if let Some(t) = ni.toelichting.as_deref().filter(|t| !t.trim().is_empty()) {
                    name.note = Some(markdown::parse_cell(t.trim()));
                }
                let reporting: Vec<(&Region, &Indicator)> = reporting_on(ni, regions);
                vec![
                    name,
                    Cell::text(sources(&reporting).unwrap_or_else(|| "–".into())),
                    Cell::text(ni.eenheid.clone()),
                    Cell::text(self.w(match ni.richting {
                        crate::model::Richting::Stijgend => |w| &w.stijgend,
                        crate::model::Richting::Dalend => |w| &w.dalend,
                    })),
                    Cell::text(if ni.optellen == JaNee::Ja {
                        ja.clone()
                    } else {
                        nee.clone()
                    }),
                ]
            })
            .collect();
        let caption = Caption::of(self.nw(|l| &l.bijschrift_definities));
        let columns = vec![
            Column::wrapping(self.w(|w| &w.indicator), 2.6),
            Column::wrapping(self.w(|w| &w.bron), 2.6),
            Column::wrapping(self.nw(|l| &l.eenheid), 1.3),
            Column::wrapping(self.w(|w| &w.richting), 1.6),
            Column::fitting(self.nw(|l| &l.optellen), 0.8),
        ];
        self.table(caption, columns, rows);
    }

    /// Appendix: per landsdeel the file the figures came from, its status,
    /// version and date.
    fn files(&mut self, regions: &[Region]) {
        self.appendix_heading(
            self.nw(|l| &l.bijlage_bestanden),
            Target::BijlageVerantwoording,
        );
        let none = self.nw(|l| &l.geen_rapportage);
        let rows = regions
            .iter()
            .map(|r| match r.report {
                None => vec![
                    Cell::text(r.naam),
                    Cell::text(none.clone()),
                    Cell::text("–"),
                    Cell::text("–"),
                ],
                Some((d, _)) => {
                    let status = self.report_status(d.rapport.status);
                    let version = d
                        .rapport
                        .versie
                        .as_ref()
                        .map_or(status.clone(), |v| format!("{v} ({status})"));
                    vec![
                        Cell::text(r.naam),
                        Cell::text(r.bestand.unwrap_or("")),
                        Cell::text(version),
                        Cell::text(self.texts.date(d.rapport.publicatiedatum)),
                    ]
                }
            })
            .collect();
        let caption = Caption::of(self.nw(|l| &l.bijschrift_bestanden));
        let columns = vec![
            Column::wrapping(self.w(|w| &w.landsdeel), 1.4),
            Column::wrapping(self.nw(|l| &l.bestand), 2.6),
            Column::wrapping(self.w(|w| &w.versie), 1.5),
            Column::fitting(self.w(|w| &w.publicatiedatum), 1.6),
        ];
        self.table(caption, columns, rows);
    }

    /// The colophon: the facts of the publication and the landsdelen it
    /// covers.
    fn national_colophon(&mut self, regions: &[Region]) {
        let who = Fact {
            label: self.nw(|l| &l.landsdelen_woord),
            regels: regions.iter().map(|r| r.naam.to_string()).collect(),
        };
        self.colophon_with(who);
    }

    /// The title page and properties of the national overview: as a
    /// landsdeel's, with the national words.
    fn national_meta(&self, logo: Option<Logo>) -> Meta {
        let mut meta = self.meta(logo);
        let r = &self.data.rapport;
        let ctx = || context! { titel => r.titel.clone(), verslagjaar => r.verslagjaar };
        meta.kopregel = self.nfill(|l| &l.kopregel, ctx());
        meta.labels.logo = self.nfill(|l| &l.logo, ctx());
        for item in &mut meta.titelpagina {
            match item {
                TitleItem::Overline { tekst } => *tekst = self.nfill(|l| &l.titelpagina_kop, ctx()),
                TitleItem::Logo { alt, .. } => *alt = meta.labels.logo.clone(),
                _ => {}
            }
        }
        meta.trefwoorden = vec![
            "Techniekpact".to_string(),
            self.nw(|l| &l.landsdelen_woord),
            r.verslagjaar.to_string(),
        ];
        meta
    }
}

/// The landsdelen that report on `ni`, each with its indicator on it.
fn reporting_on<'a>(
    ni: &LandelijkeIndicator,
    regions: &'a [Region<'a>],
) -> Vec<(&'a Region<'a>, &'a Indicator)> {
    regions
        .iter()
        .filter_map(|r| {
            let (d, _) = r.report?;
            let ind = d
                .indicatoren()
                .find(|i| i.landelijk.as_deref() == Some(ni.id.as_str()))?;
            Some((r, ind))
        })
        .collect()
}

/// Where the landsdelen's figures on a national indicator come from, as
/// their data names it: `Noord: Jet-Net; Oost: DUO`.
fn sources(reporting: &[(&Region, &Indicator)]) -> Option<String> {
    let named: Vec<String> = reporting
        .iter()
        .filter_map(|(r, i)| {
            let bron = i.bron.as_deref().map(str::trim).filter(|b| !b.is_empty())?;
            Some(format!("{}: {bron}", r.naam))
        })
        .collect();
    (!named.is_empty()).then(|| named.join("; "))
}

/// The national file's title, year, status and action lines in the shape
/// of a landsdeel's file, for the helpers the two composers share; its
/// `landsdeel` is `landelijk`, which names the report's files
/// (`techniekpact-landelijk-2016`).
pub fn own_data(national: &Landelijk) -> Voortgang {
    let r = &national.rapport;
    Voortgang {
        rapport: crate::model::Rapport {
            titel: r.titel.clone(),
            ondertitel: r.ondertitel.clone(),
            landsdeel: NATIONAL.to_string(),
            verslagjaar: r.verslagjaar,
            looptijd: None,
            publicatiedatum: r.publicatiedatum,
            versie: r.versie.clone(),
            status: r.status,
            opsteller: r.opsteller.clone(),
            organisaties: r.organisaties.clone(),
            logo: r.logo.clone(),
            kenmerk: r.kenmerk.clone(),
        },
        statusregels: Default::default(),
        inleiding: national.inleiding.clone(),
        samenvatting: national.samenvatting.clone(),
        actielijnen: national.actielijnen.clone(),
        onderdelen: Vec::new(),
        doe_voorstellen: Vec::new(),
    }
}

/// The name in the national report's files: `techniekpact-landelijk-2016`.
pub const NATIONAL: &str = "landelijk";

/// An empty analysis, for the national report's own (empty) parts.
pub fn no_analysis() -> Analysis {
    Analysis {
        indicators: Vec::new(),
        acties_per_status: Vec::new(),
    }
}
