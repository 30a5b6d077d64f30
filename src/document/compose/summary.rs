//! The summary (indicators and acties at a glance) and the introduction.

use super::*;

impl Composer<'_> {
    pub(super) fn summary(&mut self) {
        self.heading(1, self.kop(|k| &k.samenvatting));
        self.markdown_with_references(&self.data.samenvatting.clone());
        let overview = self.kop(|k| &k.overzicht);
        self.indicator_overview(&overview);
        let actions = self.kop(|k| &k.acties_per_status);
        self.actie_overview(&actions);
    }

    /// The state of every indicator: counts in a sentence, a table and the
    /// overview chart.
    fn indicator_overview(&mut self, title: &str) {
        let year = self.year();
        self.heading(2, title);
        let total = self.analysis.indicators.len();
        if total == 0 {
            self.fragment(
                |t| &t.teksten.geen_indicatoren,
                context! { verslagjaar => year },
            );
        } else {
            let parts: Vec<String> = self
                .analysis
                .status_counts()
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .map(|(s, n)| format!("{n} {}", self.texts.status(s.key())))
                .collect();
            self.fragment(
                |t| &t.teksten.overzicht,
                context! {
                    verslagjaar => year,
                    aantal_indicatoren => self.count(|w| &w.telling_indicatoren, total),
                    stand => self.enumerate(&parts),
                },
            );
            let rows = self
                .data
                .indicatoren()
                .map(|ind| self.indicator_row(ind))
                .collect();
            self.name_next(Target::TabelIndicatoren);
            let caption = self.caption(|b| &b.stand_indicatoren, context! { jaar => year });
            let columns = self.indicator_columns(self.w(|w| &w.indicator));
            self.table(caption, columns, rows);
            let words = self.chart_words(|g| &g.bijschrift_overzicht, context! {}, String::new());
            let text = |pick: Pick<Grafieken>, ctx| self.chart_text(pick, ctx);
            // More indicators than fit a page: the overview in parts, each
            // a figure with its legend, axis and "(1 van 3)".
            let caption = |k: usize, m: usize| {
                if m == 1 {
                    words.caption.clone()
                } else {
                    self.chart_text(
                        |g| &g.bijschrift_overzicht_deel,
                        context! { deel => k + 1, delen => m },
                    )
                }
            };
            let charts = charts::overview::summary_charts(
                self.data,
                self.analysis,
                self.style,
                &words,
                &caption,
                &text,
            );
            if !charts.is_empty() {
                self.name_next(Target::FiguurOverzicht);
            }
            for chart in charts {
                // The overview stands on its own: it may float.
                self.figure_placed(chart, 0.85, true);
            }
        }
    }

    /// An indicator's row of the overview table (table 1): name, baseline,
    /// the figure of the year, target, realisatie and status, as the
    /// national overview shows it too.
    pub(super) fn indicator_row(&self, ind: &Indicator) -> Vec<Cell> {
        let a = self.ia(ind);
        vec![
            Cell::text(ind.naam.clone()),
            Cell::text(format!(
                "{} ({})",
                with_unit(ind.nulmeting.waarde, ind),
                ind.nulmeting.jaar
            )),
            self.measured_cell(ind, a),
            Cell::text(format!(
                "{} ({})",
                with_unit(ind.doel.waarde, ind),
                ind.doel.jaar
            )),
            Cell::text(a.realisatie.map_or("–".into(), percent)),
            Cell::inlines(vec![self.status(a.status.key())]),
        ]
    }

    /// The columns of [`Composer::indicator_row`], the first headed `first`.
    pub(super) fn indicator_columns(&self, first: String) -> Vec<Column> {
        let [nulmeting, meting, doel, realisatie, status] = self.words([
            |w| &w.nulmeting,
            |w| &w.meting_jaar,
            |w| &w.doel,
            |w| &w.realisatie,
            |w| &w.status,
        ]);
        vec![
            Column::wrapping(first, 3.0),
            Column::wrapping(nulmeting, 1.3).right(),
            Column::wrapping(meting, 1.2).right(),
            Column::wrapping(doel, 1.3).right(),
            Column::fitting(realisatie, 1.2).right(),
            Column::fitting(status, 1.5),
        ]
    }

    /// The acties per status: a sentence and a table.
    fn actie_overview(&mut self, title: &str) {
        let year = self.year();
        self.heading(2, title);
        let counts = &self.analysis.acties_per_status;
        let total: usize = counts.iter().map(|(_, n)| n).sum();
        if total == 0 {
            self.fragment(|t| &t.teksten.geen_acties, context! { verslagjaar => year });
        } else {
            let done = counts
                .iter()
                .find(|(s, _)| *s == crate::model::ActieStatus::Afgerond)
                .map_or(0, |(_, n)| *n);
            self.fragment(
                |t| &t.teksten.acties_overzicht,
                context! {
                    verslagjaar => year,
                    aantal_acties => self.count(|w| &w.telling_acties, total),
                    afgerond => done,
                },
            );
            let rows = counts
                .iter()
                .map(|(s, n)| {
                    vec![
                        Cell::inlines(vec![self.status(s.key())]),
                        Cell::text(n.to_string()),
                    ]
                })
                .collect();
            let caption = self.caption(|b| &b.acties_per_status, context! { jaar => year });
            let [status, aantal] = self.words([|w| &w.status, |w| &w.aantal_acties]);
            let columns = vec![
                Column::fitting(status, 2.0),
                Column::fitting(aantal, 1.0).right(),
            ];
            self.table(caption, columns, rows);
        }
    }

    pub(super) fn introduction(&mut self) {
        self.heading(1, self.kop(|k| &k.inleiding));
        self.markdown_with_references(&self.data.inleiding.clone());
        self.heading(2, self.kop(|k| &k.leeswijzer));
        let parts: Vec<String> = self
            .data
            .onderdelen
            .iter()
            .map(|o| format!("‘{}’", o.naam))
            .collect();
        self.fragment(
            |t| &t.teksten.leeswijzer,
            context! {
                verslagjaar => self.year(),
                onderdelen => self.enumerate(&parts),
                aantal_onderdelen => parts.len(),
            },
        );
    }
}
