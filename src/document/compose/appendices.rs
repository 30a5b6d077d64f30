//! The appendices: all measurements, and how the status is computed.

use super::*;

impl Composer<'_> {
    pub(super) fn appendices(&mut self) {
        let year = self.year();
        let title = self.kop(|k| &k.bijlage_metingen);
        self.appendix_heading(title, Target::BijlageMetingen);
        let indicators: Vec<&Indicator> = self.data.indicatoren().collect();
        if indicators.is_empty() {
            self.fragment(
                |t| &t.teksten.bijlage_geen_metingen,
                context! { verslagjaar => year },
            );
        } else {
            self.fragment(
                |t| &t.teksten.bijlage_metingen,
                context! { verslagjaar => year },
            );
        }
        for ind in indicators {
            self.measurement_table(ind);
        }

        let title = self.kop(|k| &k.bijlage_verantwoording);
        self.appendix_heading(title, Target::BijlageVerantwoording);
        let rules = &self.data.statusregels;
        let ctx = || {
            context! {
                verslagjaar => year,
                op_koers => number_trim(rules.op_koers),
                aandacht => number_trim(rules.aandacht),
            }
        };
        self.fragment(|t| &t.teksten.verantwoording, ctx());
        // In the order the status is decided.
        [
            Status::GeenMeting,
            Status::Behaald,
            Status::Nulmeting,
            Status::OpKoers,
            Status::Aandacht,
            Status::Achter,
        ]
        .into_iter()
        // One paragraph per status, led by its coloured word: a list's
        // bullet before the status's own square would mark it twice.
        .for_each(|st| {
            let meaning: Pick<Teksten> = match st {
                Status::GeenMeting => |t| &t.teksten.status_uitleg.geen_meting,
                Status::Behaald => |t| &t.teksten.status_uitleg.behaald,
                Status::Nulmeting => |t| &t.teksten.status_uitleg.nulmeting,
                Status::OpKoers => |t| &t.teksten.status_uitleg.op_koers,
                Status::Aandacht => |t| &t.teksten.status_uitleg.aandacht,
                Status::Achter => |t| &t.teksten.status_uitleg.achter,
            };
            let text = self.line(meaning, ctx());
            let content = vec![self.status(st.key()), Inline::text(format!(": {text}"))];
            self.blocks.push(Block::paragraph(content));
        });
        let example = self.worked_example();
        self.fragment(
            |t| &t.teksten.verantwoording_slot,
            context! {
                verslagjaar => year,
                op_koers => number_trim(rules.op_koers),
                aandacht => number_trim(rules.aandacht),
                voorbeeld => example,
            },
        );
    }

    /// The worked example of the computation, from this report's own
    /// figures: the first indicator (in report order) whose status is
    /// computed from a measurement of the year after its baseline year.
    /// `None` when no indicator has one.
    fn worked_example(&self) -> Option<minijinja::Value> {
        let year = self.year();
        self.data
            .indicatoren()
            .zip(&self.analysis.indicators)
            .find_map(|(ind, (_, a))| {
                let w = ind.metingen.get(&year)?;
                let realisatie = a.realisatie?;
                let voortgang = a.voortgang?;
                let d = ind.decimalen;
                Some(context! {
                    naam => ind.naam.clone(),
                    eenheid => ind.eenheid.clone(),
                    nulmeting => number(ind.nulmeting.waarde, d),
                    nulmeting_jaar => ind.nulmeting.jaar,
                    doel => number(ind.doel.waarde, d),
                    doel_jaar => ind.doel.jaar,
                    meting => number(*w, d),
                    realisatie => percent(realisatie),
                    verwacht => percent(a.verwacht),
                    voortgang => percent0(voortgang),
                    status => self.texts.status(a.status.key()),
                })
            })
    }

    /// One indicator's measurements per year, with the expected value and
    /// the regions; a sentence when there are none yet.
    fn measurement_table(&mut self, ind: &Indicator) {
        let regions: Vec<&String> = ind.uitsplitsing.keys().collect();
        let mut years: Vec<i32> = ind.metingen.keys().copied().collect();
        years.extend(ind.uitsplitsing.values().flat_map(|m| m.keys().copied()));
        years.sort_unstable();
        years.dedup();
        let mut header = vec![
            self.w(|w| &w.jaar),
            self.w(|w| &w.meting),
            self.w(|w| &w.verwacht),
        ];
        header.extend(regions.iter().map(|r| r.to_string()));
        let rows: Vec<Vec<Cell>> = years
            .iter()
            .map(|y| {
                let mut row = vec![
                    Cell::text(y.to_string()),
                    Cell::text(
                        ind.metingen
                            .get(y)
                            .map_or("–".into(), |v| with_unit(*v, ind)),
                    ),
                    Cell::text(if *y >= ind.nulmeting.jaar {
                        with_unit(charts::indicator::trajectory(ind, *y), ind)
                    } else {
                        "–".into()
                    }),
                ];
                row.extend(regions.iter().map(|r| {
                    Cell::text(
                        ind.uitsplitsing[*r]
                            .get(y)
                            .map_or("–".into(), |v| with_unit(*v, ind)),
                    )
                }));
                row
            })
            .collect();
        if rows.is_empty() {
            self.para(vec![
                Inline::strong(format!("{}: ", ind.naam)),
                Inline::text(self.fill(
                    &self.t.woorden.nog_geen_metingen,
                    context! {
                        waarde => with_unit(ind.nulmeting.waarde, ind),
                        meetjaar => ind.nulmeting.jaar,
                    },
                )),
            ]);
            return;
        }
        let caption = self.caption(
            |b| &b.metingen,
            context! { naam => ind.naam.clone(), eenheid => ind.eenheid.clone() },
        );
        // Years and numbers: a small table, not stretched; the year on the
        // left, the figures on the right.
        let columns = header
            .into_iter()
            .enumerate()
            .map(|(i, h)| {
                let c = Column::fitting(h, 1.0);
                if i == 0 { c } else { c.right() }
            })
            .collect();
        self.table(caption, columns, rows);
    }
}
