//! The chapters of the arrangement: parts, themes, indicators, and the doe-voorstellen.

use super::*;

impl Composer<'_> {
    pub(super) fn part(&mut self, onderdeel: &crate::model::Onderdeel) {
        self.name_next(Target::Hoofdstuk(onderdeel.id.clone()));
        self.heading(1, onderdeel.naam.clone());
        let had_text = self.markdown(&onderdeel.toelichting);
        if onderdeel.themas.is_empty() && !had_text {
            self.fragment(
                |t| &t.teksten.leeg_onderdeel,
                context! { onderdeel => onderdeel.naam.clone() },
            );
        }
        for thema in &onderdeel.themas {
            self.theme(thema);
        }
    }

    fn theme(&mut self, thema: &Thema) {
        self.name_next(Target::Paragraaf(thema.id.clone()));
        self.heading(2, thema.naam.clone());
        let mut facts = Vec::new();
        if let Some(al) = thema
            .actielijn
            .as_ref()
            .and_then(|id| self.data.actielijnen.iter().find(|a| &a.id == id))
        {
            facts.push(vec![
                Inline::strong(format!("{}: ", self.w(|w| &w.actielijn))),
                Inline::text(al.naam.clone()),
            ]);
        }
        if !thema.partners.is_empty() {
            facts.push(vec![
                Inline::strong(format!("{}: ", self.w(|w| &w.partners))),
                Inline::text(self.enumerate(&thema.partners)),
            ]);
        }
        // The facts in one paragraph, a line each: they stay together, with
        // no paragraph's space between them.
        if !facts.is_empty() {
            let lines = facts.join(&Inline::LineBreak);
            self.para(lines);
        }
        self.markdown(&thema.toelichting);
        for ind in &thema.indicatoren {
            self.indicator(ind);
        }
        if !thema.acties.is_empty() {
            // The caption names the theme; a house that wants a heading
            // above the table as well gives it in the texts.
            let title = self.line(
                |t| &t.koppen.acties_van_thema,
                context! { thema => thema.naam.clone() },
            );
            if !title.trim().is_empty() {
                self.heading(3, title);
            }
            let rows = thema
                .acties
                .iter()
                .map(|a| {
                    let mut name = Cell::text(a.naam.clone());
                    if let Some(t) = a.toelichting.as_deref().filter(|t| !t.trim().is_empty()) {
                        name.note = Some(markdown::parse_cell(t.trim()));
                    }
                    vec![
                        name,
                        Cell::text(a.trekker.clone().unwrap_or_else(|| "–".into())),
                        Cell::inlines(vec![self.status(a.status.key())]),
                        Cell::text(gereed_text(a.gereed, self.texts)),
                    ]
                })
                .collect();
            let caption =
                self.caption(|b| &b.acties_thema, context! { naam => thema.naam.clone() });
            let [actie, trekker, status, gereed] =
                self.words([|w| &w.actie, |w| &w.trekker, |w| &w.status, |w| &w.gereed]);
            let columns = vec![
                Column::wrapping(actie, 3.1),
                Column::wrapping(trekker, 1.7),
                Column::fitting(status, 1.5),
                Column::fitting(gereed, 1.3),
            ];
            self.table(caption, columns, rows);
        }
    }

    /// An indicator, compactly: its explanation, then its key figures
    /// beside its chart, and the source of its figures under them.
    fn indicator(&mut self, ind: &Indicator) {
        let year = self.year();
        let a = self.ia(ind).clone();
        self.heading(3, ind.naam.clone());
        self.markdown(&ind.toelichting);
        // A partner's remark of the year, after the standing explanation.
        self.markdown(&ind.opmerkingen.get(&self.year()).cloned());
        // The heading and the words under it stay with the key figures.
        self.keep_last_with_next();
        let measured = match a.shown {
            Some((_, v)) if a.current => amount(v, ind),
            Some((y, v)) => self.fill(
                &self.t.woorden.laatste_meting,
                context! {
                    jaar => year,
                    meetjaar => y,
                    waarde => amount(v, ind),
                },
            ),
            None => self.w(|w| &w.geen_meting),
        };
        // One line a row, each headed by its name (no header row): the
        // year of the baseline and the target in the name, the unit with
        // the number. The direction needs no row: the target lies above
        // the baseline when higher is better, below it when lower is.
        let at = |label: String, year: i32| format!("{label} {year}");
        let rows = vec![
            vec![
                Cell::text(at(self.w(|w| &w.nulmeting), ind.nulmeting.jaar)),
                Cell::text(amount(ind.nulmeting.waarde, ind)),
            ],
            vec![Cell::text(self.w(|w| &w.meting_jaar)), Cell::text(measured)],
            vec![
                Cell::text(at(self.w(|w| &w.doel), ind.doel.jaar)),
                Cell::text(amount(ind.doel.waarde, ind)),
            ],
            vec![
                Cell::text(self.w(|w| &w.realisatie)),
                Cell::text(a.realisatie.map_or("–".into(), percent)),
            ],
            vec![
                Cell::text(self.w(|w| &w.verwacht)),
                Cell::text(percent(a.verwacht)),
            ],
            // The status is the verdict on the progress: one row.
            vec![
                Cell::text(self.w(|w| &w.voortgang)),
                Cell::inlines(vec![
                    Inline::text(format!("{} ", a.voortgang.map_or("–".into(), percent0))),
                    self.status(a.status.key()),
                ]),
            ],
        ];
        let caption = self.caption(|b| &b.kerncijfers, context! { naam => ind.naam.clone() });
        let [kerncijfer, waarde] = self.words([|w| &w.kerncijfer, |w| &w.waarde]);
        let columns = vec![
            Column::fitting(kerncijfer, 1.3),
            Column::wrapping(waarde, 3.0),
        ];
        // The key figures and the source of the figures in one column, the
        // chart in the other; a breakdown under them names the source too.
        let from = self.blocks.len();
        self.name_next(Target::Tabel(ind.id.clone()));
        self.row_headed_table(caption, columns, rows);
        self.source(ind.bron.as_deref());
        let chart = self.blocks.len();
        self.indicator_chart(ind, &a);
        self.beside(&[from, chart], INDICATOR_COLUMNS.to_vec());
        if self.breakdown_chart(ind) {
            self.source(ind.bron.as_deref());
        }
    }

    /// The line chart of an indicator, drawn to stand beside its key figures.
    fn indicator_chart(&mut self, ind: &Indicator, a: &IndicatorAnalysis) {
        let year = self.year();
        let words = self.chart_words(
            |g| &g.bijschrift_indicator,
            context! { naam => ind.naam.clone() },
            number(ind.doel.waarde, ind.decimalen),
        );
        let status = self.texts.status(a.status.key());
        let text = |pick: Pick<Grafieken>, ctx| self.chart_text(pick, ctx);
        let chart =
            charts::indicator::indicator_chart(ind, year, &status, self.style, &words, &text);
        self.name_next(Target::Figuur(ind.id.clone()));
        self.figure(chart, 1.0);
    }

    /// The breakdown of an indicator by region, when it has one (then
    /// true).
    fn breakdown_chart(&mut self, ind: &Indicator) -> bool {
        let words = self.chart_words(
            |g| &g.bijschrift_uitsplitsing,
            context! { naam => ind.naam.clone() },
            String::new(),
        );
        let text = |pick: Pick<Grafieken>, ctx| self.chart_text(pick, ctx);
        let chart = charts::breakdown::breakdown_chart(ind, self.style, &words, &text);
        let drawn = chart.is_some();
        if let Some(chart) = chart {
            self.figure(chart, BREAKDOWN_SHARE);
        }
        drawn
    }

    pub(super) fn proposals(&mut self) {
        if self.data.doe_voorstellen.is_empty() {
            return;
        }
        let title = self.kop(|k| &k.doe_voorstellen);
        self.heading(1, title);
        let n = self.data.doe_voorstellen.len();
        self.fragment(
            |t| &t.teksten.doe_voorstellen,
            context! {
                verslagjaar => self.year(),
                aantal_doe_voorstellen => self.count(|w| &w.telling_doe_voorstellen, n),
            },
        );
        let mut items: Vec<_> = self.data.doe_voorstellen.iter().collect();
        items.sort_by_key(|d| d.nummer);
        let rows = items
            .iter()
            .map(|d| {
                let thema = d
                    .thema
                    .as_ref()
                    .and_then(|id| self.data.themas().find(|t| &t.id == id))
                    .map_or("–".to_string(), |t| t.naam.clone());
                // The action line under the theme: one column less, so
                // that names wrap between their words on a page's width.
                let mut thema = Cell::text(thema);
                thema.note = d
                    .actielijn
                    .as_ref()
                    .and_then(|id| self.data.actielijnen.iter().find(|a| &a.id == id))
                    .map(|a| vec![Inline::text(a.naam.clone())]);
                let mut name = Cell::text(d.naam.clone());
                if let Some(t) = d.toelichting.as_deref().filter(|t| !t.trim().is_empty()) {
                    name.note = Some(markdown::parse_cell(t.trim()));
                }
                vec![
                    Cell::text(d.nummer.to_string()),
                    name,
                    thema,
                    Cell::text(d.trekker.clone().unwrap_or_else(|| "–".into())),
                    Cell::inlines(vec![Inline::Status {
                        key: d.status.key().to_string(),
                        label: self.texts.status(d.status.key()),
                    }]),
                ]
            })
            .collect();
        self.name_next(Target::TabelDoeVoorstellen);
        let caption = self.caption(|b| &b.doe_voorstellen, context! { jaar => self.year() });
        let [nummer, voorstel, thema, trekker, status] = self.words([
            |w| &w.nummer,
            |w| &w.doe_voorstel,
            |w| &w.thema_en_actielijn,
            |w| &w.trekker,
            |w| &w.status,
        ]);
        let columns = vec![
            Column::fitting(nummer, 0.5).right(),
            Column::wrapping(voorstel, 3.0),
            Column::wrapping(thema, 2.2),
            Column::wrapping(trekker, 1.7),
            Column::fitting(status, 1.3),
        ];
        self.table(caption, columns, rows);
    }
}

/// The columns of an indicator's key figures and its chart, as fractions
/// of the text width; the rest is the gap between them.
const INDICATOR_COLUMNS: [f32; 2] = [0.43, 0.53];
/// The breakdown's share of the text width: its text as large as the
/// indicator chart's beside the key figures.
const BREAKDOWN_SHARE: f32 = 0.6;

/// A figure with its unit, as written in the key figures: `10 schoolbesturen`.
fn amount(value: f64, ind: &Indicator) -> String {
    format!("{} {}", number(value, ind.decimalen), ind.eenheid)
}
