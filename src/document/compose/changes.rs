//! The chapter on changes since the previous year (`--vorig`).

use super::*;

impl Composer<'_> {
    /// The chapter on changes since the previous year's report.
    pub(super) fn changes(&mut self, prev: &Previous) {
        let year = self.year();
        let before = prev.data.rapport.verslagjaar;
        let status_in = |y: i32| self.fill(&self.t.woorden.status_jaar, context! { jaar => y });
        let (status_before, status_now) = (status_in(before), status_in(year));
        let title = self.line(|t| &t.koppen.wijzigingen, self.changes_context(prev));
        self.heading(1, title);
        self.fragment(|t| &t.teksten.wijzigingen, self.changes_context(prev));
        let columns = [status_before, status_now];
        let mut any = self.changed_indicators(prev, &columns);
        any |= self.changed_acties(prev, &columns);
        any |= self.new_and_dropped(prev);
        if !any {
            self.fragment(|t| &t.teksten.geen_wijzigingen, self.changes_context(prev));
        }
    }

    /// The caption context of the chapter on changes.
    fn changes_context(&self, prev: &Previous) -> minijinja::Value {
        let (year, before) = (self.year(), prev.data.rapport.verslagjaar);
        context! { verslagjaar => year, jaar => year, vorig_jaar => before }
    }

    /// Indicators whose status changed; whether there were any.
    fn changed_indicators(
        &mut self,
        prev: &Previous,
        [status_before, status_now]: &[String; 2],
    ) -> bool {
        let rows: Vec<Vec<Cell>> = self
            .data
            .indicatoren()
            .filter_map(|ind| {
                let now = self.analysis.indicator(&ind.id)?.status;
                let then = prev.analysis.indicator(&ind.id)?.status;
                (now != then).then(|| {
                    vec![
                        Cell::text(ind.naam.clone()),
                        Cell::inlines(vec![self.status(then.key())]),
                        Cell::inlines(vec![self.status(now.key())]),
                    ]
                })
            })
            .collect();
        if rows.is_empty() {
            return false;
        }
        self.heading(2, self.kop(|k| &k.wijzigingen_indicatoren));
        let caption = self.caption(|b| &b.wijzigingen_indicatoren, self.changes_context(prev));
        let columns = vec![
            Column::wrapping(self.w(|w| &w.indicator), 3.0),
            Column::fitting(status_before.clone(), 1.4),
            Column::fitting(status_now.clone(), 1.4),
        ];
        self.table(caption, columns, rows);
        true
    }

    /// Acties whose status changed (completed, started, delayed, other);
    /// whether there were any.
    fn changed_acties(
        &mut self,
        prev: &Previous,
        [status_before, status_now]: &[String; 2],
    ) -> bool {
        let old: std::collections::HashMap<&str, &Actie> =
            prev.data.acties().map(|a| (a.id.as_str(), a)).collect();
        let rows: Vec<Vec<Cell>> = self
            .data
            .acties()
            .filter_map(|a| {
                let was = old.get(a.id.as_str())?;
                (was.status != a.status).then(|| {
                    use crate::model::ActieStatus as S;
                    let what: Pick<Wijzigingen> = match (was.status, a.status) {
                        (_, S::Afgerond) => |w| &w.afgerond,
                        (S::Gepland, S::Lopend) => |w| &w.gestart,
                        (_, S::Vertraagd) => |w| &w.vertraagd,
                        (_, S::Gestopt) => |w| &w.gestopt,
                        (S::Vertraagd, S::Lopend) => |w| &w.weer_op_schema,
                        _ => |w| &w.gewijzigd,
                    };
                    vec![
                        Cell::text(a.naam.clone()),
                        Cell::inlines(vec![self.status(was.status.key())]),
                        Cell::inlines(vec![self.status(a.status.key())]),
                        Cell::text(self.change_word(what)),
                    ]
                })
            })
            .collect();
        if rows.is_empty() {
            return false;
        }
        self.heading(2, self.kop(|k| &k.wijzigingen_acties));
        let caption = self.caption(|b| &b.wijzigingen_acties, self.changes_context(prev));
        let columns = vec![
            Column::wrapping(self.w(|w| &w.actie), 3.2),
            Column::fitting(status_before.clone(), 1.3),
            Column::fitting(status_now.clone(), 1.3),
            Column::fitting(self.w(|w| &w.wijziging), 1.3),
        ];
        self.table(caption, columns, rows);
        true
    }

    /// New and dropped items, by kind; whether there were any.
    fn new_and_dropped(&mut self, prev: &Previous) -> bool {
        let (now_items, prev_items) = (named_items(self.data), named_items(prev.data));
        let kinds = now_items
            .into_iter()
            .zip(prev_items)
            .map(|((kind, now), (_, then))| (kind, now, then));
        let mut rows = Vec::new();
        for (kind, now, then) in kinds {
            for (id, naam) in &now {
                if !then.iter().any(|(i, _)| i == id) {
                    rows.push(vec![
                        Cell::text(*naam),
                        Cell::text(self.change_word(kind)),
                        Cell::text(self.change_word(|w| &w.nieuw)),
                    ]);
                }
            }
            for (id, naam) in &then {
                if !now.iter().any(|(i, _)| i == id) {
                    rows.push(vec![
                        Cell::text(*naam),
                        Cell::text(self.change_word(kind)),
                        Cell::text(self.change_word(|w| &w.vervallen)),
                    ]);
                }
            }
        }
        if rows.is_empty() {
            return false;
        }
        self.heading(2, self.kop(|k| &k.wijzigingen_nieuw));
        let caption = self.caption(|b| &b.wijzigingen_nieuw, self.changes_context(prev));
        let columns = vec![
            Column::wrapping(self.w(|w| &w.naam), 3.4),
            Column::fitting(self.w(|w| &w.soort), 1.2),
            Column::fitting(self.w(|w| &w.wijziging), 1.2),
        ];
        self.table(caption, columns, rows);
        true
    }
}

/// `(id, name)` of every item of a report, per kind, in report order.
/// Items of one kind as `(id, name)`, with the word of their kind.
type NamedItems<'a> = (Pick<Wijzigingen>, Vec<(&'a str, &'a str)>);

fn named_items(d: &Voortgang) -> [NamedItems<'_>; 5] {
    [
        (
            |w| &w.onderdeel,
            d.onderdelen
                .iter()
                .map(|o| (o.id.as_str(), o.naam.as_str()))
                .collect(),
        ),
        (
            |w| &w.thema,
            d.themas()
                .map(|t| (t.id.as_str(), t.naam.as_str()))
                .collect(),
        ),
        (
            |w| &w.indicator,
            d.indicatoren()
                .map(|i| (i.id.as_str(), i.naam.as_str()))
                .collect(),
        ),
        (
            |w| &w.actie,
            d.acties()
                .map(|a| (a.id.as_str(), a.naam.as_str()))
                .collect(),
        ),
        (
            |w| &w.doe_voorstel,
            d.doe_voorstellen
                .iter()
                .map(|v| (v.id.as_str(), v.naam.as_str()))
                .collect(),
        ),
    ]
}
