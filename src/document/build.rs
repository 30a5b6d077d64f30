//! Builds the [`Document`] and its charts from validated, analysed data.
//! This is where the report's content and order are decided, once for all
//! formats.

use crate::analysis::{Analysis, IndicatorAnalysis, Status};
use crate::document::charts::{self, ChartSet};
use crate::document::format_nl::{number, percent, percent0};
use crate::model::{Actie, Gereed, Indicator, RapportStatus, Thema, Voortgang};

use super::markdown;
use super::{Align, Block, Cell, Document, Figure, Inline, Labels, Meta, Table};
use crate::document::house_style::HouseStyle;
use crate::document::texts::TextSet;
use minijinja::context;

/// The report content and the charts it shows.
pub struct Built {
    pub document: Document,
    pub charts: ChartSet,
}

/// The previous year's report, for the chapter on changes (`--vorig`).
pub struct Previous<'a> {
    pub data: &'a Voortgang,
    pub analysis: &'a Analysis,
}

/// Build the report of `data`. Problems in the fixed texts are reported on
/// `teksten.yaml`.
pub fn build(
    data: &Voortgang,
    analysis: &Analysis,
    logo: Option<String>,
    texts: &TextSet,
    style: &HouseStyle,
    previous: Option<Previous>,
) -> Result<Built, crate::diagnostics::Problems> {
    let mut b = Builder {
        data,
        analysis,
        texts,
        style,
        blocks: Vec::new(),
        charts: ChartSet::default(),
        anchors: Vec::new(),
        heading_counters: [0; 6],
    };
    b.blocks.push(Block::Toc);
    b.summary();
    b.introduction();
    if let Some(prev) = previous {
        b.changes(&prev);
    }
    for onderdeel in &data.onderdelen {
        b.part(onderdeel);
    }
    b.proposals();
    b.appendices();
    let meta = meta(data, logo, texts);
    texts.finish()?;
    let mut blocks = b.blocks;
    super::number_tables_and_figures(&mut blocks);
    Ok(Built {
        document: Document { meta, blocks },
        charts: b.charts,
    })
}

fn meta(data: &Voortgang, logo: Option<String>, texts: &TextSet) -> Meta {
    let r = &data.rapport;
    let l = &texts.teksten.labels;
    let ctx = || {
        context! {
            landsdeel => r.landsdeel.clone(),
            verslagjaar => r.verslagjaar,
            titel => r.titel.clone(),
        }
    };
    let label = |name: &str, t: &String| texts.fill(&format!("/labels/{name}"), t, ctx());
    let w = |key: &str| texts.fill_key("woorden", key, context! {});
    let status = match r.status {
        RapportStatus::Concept => w("rapport_concept"),
        RapportStatus::Definitief => w("rapport_definitief"),
    };
    let mut facts = vec![
        (w("landsdeel"), vec![r.landsdeel.clone()]),
        (w("verslagjaar"), vec![r.verslagjaar.to_string()]),
        (w("publicatiedatum"), vec![texts.date(r.publicatiedatum)]),
    ];
    match &r.versie {
        Some(v) => facts.push((w("versie"), vec![format!("{v} ({status})")])),
        None => facts.push((w("status"), vec![status.clone()])),
    }
    if let Some(o) = &r.opsteller {
        facts.push((w("opgesteld_door"), vec![o.clone()]));
    }
    if !r.organisaties.is_empty() {
        facts.push((w("partners"), r.organisaties.clone()));
    }
    Meta {
        documenttitel: format!("{} {}", r.titel, r.verslagjaar),
        auteurs: match &r.opsteller {
            Some(o) => vec![o.clone()],
            None => r.organisaties.clone(),
        },
        trefwoorden: vec![
            "Techniekpact".to_string(),
            r.landsdeel.clone(),
            r.verslagjaar.to_string(),
        ],
        titelpagina_kop: label("titelpagina_kop", &l.titelpagina_kop),
        verslagjaar_tekst: label("verslagjaar", &l.verslagjaar),
        titelpagina: facts,
        titel: r.titel.clone(),
        ondertitel: r.ondertitel.clone(),
        landsdeel: r.landsdeel.clone(),
        verslagjaar: r.verslagjaar,
        publicatiedatum: texts.date(r.publicatiedatum),
        publicatiedatum_iso: r.publicatiedatum.format("%Y-%m-%d").to_string(),
        versie: r.versie.clone(),
        opsteller: r.opsteller.clone(),
        organisaties: r.organisaties.clone(),
        concept: r.status == RapportStatus::Concept,
        status: match r.status {
            RapportStatus::Concept => "concept".into(),
            RapportStatus::Definitief => "definitief".into(),
        },
        logo,
        kopregel: label("kopregel", &l.kopregel),
        labels: Labels {
            inhoud: label("inhoud", &l.inhoud),
            pagina: label("pagina", &l.pagina),
            van: label("van", &l.van),
            concept: label("concept", &l.concept),
            logo: label("logo", &l.logo),
            figuur: label("figuur", &l.figuur),
            tabel: label("tabel", &l.tabel),
            naar_inhoud: label("naar_inhoud", &l.naar_inhoud),
        },
    }
}

/// A status as an inline: its key (for the colour) and its word.
fn status_inline(texts: &TextSet, key: &str) -> Inline {
    Inline::Status {
        key: key.to_string(),
        label: texts.status(key),
    }
}

fn gereed_text(g: Option<Gereed>, texts: &TextSet) -> String {
    match g {
        Some(Gereed::Jaar(y)) => y.to_string(),
        Some(Gereed::Datum(d)) => texts.date(d),
        None => "–".into(),
    }
}

fn with_unit(value: f64, ind: &Indicator) -> String {
    let v = number(value, ind.decimalen);
    if ind.eenheid == "%" {
        format!("{v}\u{a0}%")
    } else {
        v
    }
}

/// Join words as an enumeration, `a, b en c`, with `and` as the last joint.
fn enumerate(parts: &[String], and: &str) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

struct Builder<'a> {
    data: &'a Voortgang,
    analysis: &'a Analysis,
    texts: &'a TextSet,
    style: &'a HouseStyle,
    blocks: Vec<Block>,
    charts: ChartSet,
    anchors: Vec<String>,
    /// How many headings of each level the current section has had so far.
    heading_counters: [usize; 6],
}

impl Builder<'_> {
    fn year(&self) -> i32 {
        self.data.rapport.verslagjaar
    }

    /// A fixed text filled in with `ctx`, as Markdown blocks.
    fn fragment(&mut self, pointer: &str, ctx: minijinja::Value) {
        let template = fragment_at(&self.texts.teksten, pointer);
        let text = self.texts.fill(pointer, &template, ctx);
        self.blocks.extend(markdown::parse(text.trim()));
    }

    /// Legend words and the caption (at `caption`) of a chart.
    fn chart_words(
        &self,
        caption: &str,
        ctx: minijinja::Value,
        target: String,
    ) -> charts::ChartWords {
        let plain = |key: &str| self.texts.fill_key("grafieken", key, context! {});
        charts::ChartWords {
            metingen: plain("metingen"),
            verwacht_traject: plain("verwacht_traject"),
            doel: self
                .texts
                .fill_key("grafieken", "doel", context! { waarde => target }),
            realisatie: plain("realisatie"),
            verwacht: plain("verwacht"),
            caption: self.chart_text(caption, ctx),
            geen_meting: self.texts.status(Status::GeenMeting.key()),
        }
    }

    /// A text of the charts (`grafieken` in teksten.yaml), filled in.
    fn chart_text(&self, key: &str, ctx: minijinja::Value) -> String {
        self.texts.fill_key("grafieken", key, ctx)
    }

    /// A count in running text (`telling_<what>` in `woorden`).
    fn count(&self, what: &str, n: usize) -> String {
        self.texts.fill_key(
            "woorden",
            &format!("telling_{what}"),
            context! { aantal => n },
        )
    }

    /// Words joined as `a, b en c`, with the word `en` of the texts.
    fn enumerate(&self, parts: &[String]) -> String {
        enumerate(parts, &self.texts.fill_key("woorden", "en", context! {}))
    }

    /// A status as an inline.
    fn status(&self, key: &str) -> Inline {
        status_inline(self.texts, key)
    }

    /// A word of the tables (`woorden` in teksten.yaml), for this year.
    fn w(&self, key: &str) -> String {
        self.texts
            .fill_key("woorden", key, context! { jaar => self.year() })
    }

    /// A word of the chapter on changes (`wijzigingen` in teksten.yaml).
    fn change_word(&self, key: &str) -> String {
        self.texts.fill_key("wijzigingen", key, context! {})
    }

    /// A table caption (`bijschriften` in teksten.yaml).
    fn caption(&self, key: &str, ctx: minijinja::Value) -> Option<String> {
        Some(self.texts.fill_key("bijschriften", key, ctx))
    }

    /// A fixed text filled in with `ctx`, as one line.
    fn line(&self, pointer: &str, ctx: minijinja::Value) -> String {
        let template = fragment_at(&self.texts.teksten, pointer);
        self.texts.fill(pointer, &template, ctx).trim().to_string()
    }

    fn heading(&mut self, level: u8, text: impl Into<String>, anchor_hint: &str) {
        let base = format!("sec-{anchor_hint}");
        let mut anchor = base.clone();
        let mut n = 2;
        while self.anchors.contains(&anchor) {
            anchor = format!("{base}-{n}");
            n += 1;
        }
        self.anchors.push(anchor.clone());
        let depth = (level as usize).clamp(1, 6);
        self.heading_counters[depth - 1] += 1;
        self.heading_counters[depth..].fill(0);
        let number = self.heading_counters[..depth]
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(".");
        self.blocks.push(Block::Heading {
            level,
            number,
            text: text.into(),
            anchor,
        });
    }

    fn para(&mut self, content: Vec<Inline>) {
        self.blocks.push(Block::Paragraph { content });
    }

    fn markdown(&mut self, text: &Option<String>) -> bool {
        match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => {
                self.blocks.extend(markdown::parse(t));
                true
            }
            None => false,
        }
    }

    fn figure(&mut self, chart: charts::Chart, width: f32) {
        self.blocks.push(Block::Figure(Figure {
            number: 0,
            chart: chart.id.clone(),
            path: format!("grafieken/{}", chart.file_name),
            caption: chart.caption.clone(),
            alt: chart.alt.clone(),
            width,
        }));
        self.charts.charts.push(chart);
    }

    fn ia(&self, ind: &Indicator) -> &IndicatorAnalysis {
        self.analysis
            .indicator(&ind.id)
            .expect("every indicator is analysed")
    }

    fn measured_cell(&self, ind: &Indicator, a: &IndicatorAnalysis) -> Cell {
        match a.shown {
            Some((_, v)) if a.current => Cell::text(with_unit(v, ind)),
            Some((y, v)) => Cell::text(format!("{} ({y})", with_unit(v, ind))),
            None => Cell::text("–"),
        }
    }

    fn summary(&mut self) {
        let year = self.year();
        let k = self.texts.teksten.koppen.clone();
        self.heading(1, k.samenvatting.clone(), "samenvatting");
        self.markdown(&self.data.samenvatting.clone());

        self.heading(2, k.overzicht.clone(), "overzicht-indicatoren");
        let total = self.analysis.indicators.len();
        if total == 0 {
            self.fragment(
                "/teksten/geen_indicatoren",
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
                "/teksten/overzicht",
                context! {
                    verslagjaar => year,
                    aantal_indicatoren => self.count("indicatoren", total),
                    stand => self.enumerate(&parts),
                },
            );
            let rows = self
                .data
                .indicatoren()
                .map(|ind| {
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
                })
                .collect();
            self.blocks.push(Block::Table(Table {
                number: 0,
                caption: self.caption("stand_indicatoren", context! { jaar => year }),
                header: [
                    "indicator",
                    "nulmeting",
                    "meting_jaar",
                    "doel",
                    "realisatie",
                    "status",
                ]
                .map(|k| self.w(k))
                .to_vec(),
                align: vec![
                    Align::Left,
                    Align::Right,
                    Align::Right,
                    Align::Right,
                    Align::Right,
                    Align::Left,
                ],
                widths: vec![3.0, 1.3, 1.2, 1.3, 1.2, 1.5],
                rows,
            }));
            let words = self.chart_words("bijschrift_overzicht", context! {}, String::new());
            let text = |key: &str, ctx| self.chart_text(key, ctx);
            let chart = charts::summary_chart(self.data, self.analysis, self.style, &words, &text);
            self.figure(chart, 1.0);
        }

        self.heading(2, k.acties_per_status.clone(), "acties-per-status");
        let counts = &self.analysis.acties_per_status;
        let total: usize = counts.iter().map(|(_, n)| n).sum();
        if total == 0 {
            self.fragment("/teksten/geen_acties", context! { verslagjaar => year });
        } else {
            let done = counts
                .iter()
                .find(|(s, _)| *s == crate::model::ActieStatus::Afgerond)
                .map_or(0, |(_, n)| *n);
            self.fragment(
                "/teksten/acties_overzicht",
                context! {
                    verslagjaar => year,
                    aantal_acties => self.count("acties", total),
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
            self.blocks.push(Block::Table(Table {
                number: 0,
                caption: self.caption("acties_per_status", context! { jaar => year }),
                header: vec![self.w("status"), self.w("aantal_acties")],
                align: vec![Align::Left, Align::Right],
                widths: vec![2.0, 1.0],
                rows,
            }));
        }
    }

    fn introduction(&mut self) {
        let k = self.texts.teksten.koppen.clone();
        self.heading(1, k.inleiding, "inleiding");
        self.markdown(&self.data.inleiding.clone());
        self.heading(2, k.leeswijzer, "leeswijzer");
        let parts: Vec<String> = self
            .data
            .onderdelen
            .iter()
            .map(|o| format!("‘{}’", o.naam))
            .collect();
        self.fragment(
            "/teksten/leeswijzer",
            context! {
                verslagjaar => self.year(),
                onderdelen => self.enumerate(&parts),
                aantal_onderdelen => parts.len(),
            },
        );
    }

    /// The chapter on changes since the previous year's report.
    fn changes(&mut self, prev: &Previous) {
        let year = self.year();
        let before = prev.data.rapport.verslagjaar;
        let ctx = || context! { verslagjaar => year, jaar => year, vorig_jaar => before };
        let status_in = |y: i32| {
            self.texts
                .fill_key("woorden", "status_jaar", context! { jaar => y })
        };
        let (status_before, status_now) = (status_in(before), status_in(year));
        let title = self.line("/koppen/wijzigingen", ctx());
        self.heading(1, title, "wijzigingen");
        self.fragment("/teksten/wijzigingen", ctx());
        let k = self.texts.teksten.koppen.clone();
        let mut any = false;

        // Indicators whose status changed.
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
        if !rows.is_empty() {
            any = true;
            self.heading(
                2,
                k.wijzigingen_indicatoren.clone(),
                "wijzigingen-indicatoren",
            );
            self.blocks.push(Block::Table(Table {
                number: 0,
                caption: self.caption("wijzigingen_indicatoren", ctx()),
                header: vec![
                    self.w("indicator"),
                    status_before.clone(),
                    status_now.clone(),
                ],
                align: vec![Align::Left, Align::Left, Align::Left],
                widths: vec![3.0, 1.4, 1.4],
                rows,
            }));
        }

        // Acties whose status changed: completed, started, delayed, other.
        let old: std::collections::HashMap<&str, &Actie> =
            prev.data.acties().map(|a| (a.id.as_str(), a)).collect();
        let rows: Vec<Vec<Cell>> = self
            .data
            .acties()
            .filter_map(|a| {
                let was = old.get(a.id.as_str())?;
                (was.status != a.status).then(|| {
                    use crate::model::ActieStatus as S;
                    let what = match (was.status, a.status) {
                        (_, S::Afgerond) => "afgerond",
                        (S::Gepland, S::Lopend) => "gestart",
                        (_, S::Vertraagd) => "vertraagd",
                        (_, S::Gestopt) => "gestopt",
                        (S::Vertraagd, S::Lopend) => "weer_op_schema",
                        _ => "gewijzigd",
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
        if !rows.is_empty() {
            any = true;
            self.heading(2, k.wijzigingen_acties.clone(), "wijzigingen-acties");
            self.blocks.push(Block::Table(Table {
                number: 0,
                caption: self.caption("wijzigingen_acties", ctx()),
                header: vec![
                    self.w("actie"),
                    status_before.clone(),
                    status_now.clone(),
                    self.w("wijziging"),
                ],
                align: vec![Align::Left, Align::Left, Align::Left, Align::Left],
                widths: vec![3.2, 1.3, 1.3, 1.3],
                rows,
            }));
        }

        // New and dropped items, by kind.
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
                        Cell::text(self.change_word("nieuw")),
                    ]);
                }
            }
            for (id, naam) in &then {
                if !now.iter().any(|(i, _)| i == id) {
                    rows.push(vec![
                        Cell::text(*naam),
                        Cell::text(self.change_word(kind)),
                        Cell::text(self.change_word("vervallen")),
                    ]);
                }
            }
        }
        if !rows.is_empty() {
            any = true;
            self.heading(2, k.wijzigingen_nieuw.clone(), "wijzigingen-nieuw");
            self.blocks.push(Block::Table(Table {
                number: 0,
                caption: self.caption("wijzigingen_nieuw", ctx()),
                header: vec![self.w("naam"), self.w("soort"), self.w("wijziging")],
                align: vec![Align::Left, Align::Left, Align::Left],
                widths: vec![3.4, 1.2, 1.2],
                rows,
            }));
        }
        if !any {
            self.fragment("/teksten/geen_wijzigingen", ctx());
        }
    }

    fn part(&mut self, onderdeel: &crate::model::Onderdeel) {
        self.heading(1, onderdeel.naam.clone(), &onderdeel.id);
        let had_text = self.markdown(&onderdeel.toelichting);
        if onderdeel.themas.is_empty() && !had_text {
            self.fragment(
                "/teksten/leeg_onderdeel",
                context! { onderdeel => onderdeel.naam.clone() },
            );
        }
        for thema in &onderdeel.themas {
            self.theme(thema);
        }
    }

    fn theme(&mut self, thema: &Thema) {
        self.heading(2, thema.naam.clone(), &thema.id);
        let mut facts = Vec::new();
        if let Some(al) = thema
            .actielijn
            .as_ref()
            .and_then(|id| self.data.actielijnen.iter().find(|a| &a.id == id))
        {
            facts.push(vec![
                Inline::strong(format!("{}: ", self.w("actielijn"))),
                Inline::text(al.naam.clone()),
            ]);
        }
        if !thema.partners.is_empty() {
            facts.push(vec![
                Inline::strong(format!("{}: ", self.w("partners"))),
                Inline::text(self.enumerate(&thema.partners)),
            ]);
        }
        for f in facts {
            self.para(f);
        }
        self.markdown(&thema.toelichting);
        for ind in &thema.indicatoren {
            self.indicator(ind);
        }
        if !thema.acties.is_empty() {
            let title = self.line(
                "/koppen/acties_van_thema",
                context! { thema => thema.naam.clone() },
            );
            self.heading(3, title, &format!("{}-acties", thema.id));
            let rows = thema
                .acties
                .iter()
                .map(|a| {
                    let mut name = Cell::text(a.naam.clone());
                    if let Some(t) = a.toelichting.as_deref().filter(|t| !t.trim().is_empty()) {
                        name.note = Some(markdown::parse_inline(t.trim()));
                    }
                    vec![
                        name,
                        Cell::text(a.trekker.clone().unwrap_or_else(|| "–".into())),
                        Cell::inlines(vec![self.status(a.status.key())]),
                        Cell::text(gereed_text(a.gereed, self.texts)),
                    ]
                })
                .collect();
            self.blocks.push(Block::Table(Table {
                number: 0,
                caption: self.caption("acties_thema", context! { naam => thema.naam.clone() }),
                header: ["actie", "trekker", "status", "gereed"]
                    .map(|k| self.w(k))
                    .to_vec(),
                align: vec![Align::Left, Align::Left, Align::Left, Align::Left],
                widths: vec![3.1, 1.7, 1.5, 1.3],
                rows,
            }));
        }
    }

    fn indicator(&mut self, ind: &Indicator) {
        let year = self.year();
        let a = self.ia(ind).clone();
        self.heading(3, ind.naam.clone(), &ind.id);
        let measured = match a.shown {
            Some((_, v)) if a.current => format!("{} {}", number(v, ind.decimalen), ind.eenheid),
            Some((y, v)) => self.texts.fill_key(
                "woorden",
                "laatste_meting",
                context! {
                    jaar => year,
                    meetjaar => y,
                    waarde => format!("{} {}", number(v, ind.decimalen), ind.eenheid),
                },
            ),
            None => self.w("geen_meting"),
        };
        let mut rows = vec![
            vec![
                Cell::text(self.w("nulmeting")),
                Cell::text(format!(
                    "{} {} ({})",
                    number(ind.nulmeting.waarde, ind.decimalen),
                    ind.eenheid,
                    ind.nulmeting.jaar
                )),
            ],
            vec![Cell::text(self.w("meting_jaar")), Cell::text(measured)],
            vec![
                Cell::text(self.w("doel")),
                Cell::text(format!(
                    "{} {} ({})",
                    number(ind.doel.waarde, ind.decimalen),
                    ind.eenheid,
                    ind.doel.jaar
                )),
            ],
            vec![
                Cell::text(self.w("richting")),
                Cell::text(self.w(match ind.richting {
                    crate::model::Richting::Stijgend => "stijgend",
                    crate::model::Richting::Dalend => "dalend",
                })),
            ],
            vec![
                Cell::text(self.w("realisatie")),
                Cell::text(a.realisatie.map_or("–".into(), percent)),
            ],
            vec![
                Cell::text(self.w("verwacht")),
                Cell::text(percent(a.verwacht)),
            ],
            vec![
                Cell::text(self.w("voortgang")),
                Cell::text(a.voortgang.map_or("–".into(), percent0)),
            ],
            vec![
                Cell::text(self.w("status")),
                Cell::inlines(vec![self.status(a.status.key())]),
            ],
        ];
        if let Some(bron) = &ind.bron {
            rows.push(vec![Cell::text(self.w("bron")), Cell::text(bron.clone())]);
        }
        self.blocks.push(Block::Table(Table {
            number: 0,
            caption: self.caption("kerncijfers", context! { naam => ind.naam.clone() }),
            header: vec![self.w("kerncijfer"), self.w("waarde")],
            align: vec![Align::Left, Align::Left],
            widths: vec![1.3, 3.0],
            rows,
        }));
        self.markdown(&ind.toelichting);
        let words = self.chart_words(
            "bijschrift_indicator",
            context! { naam => ind.naam.clone() },
            number(ind.doel.waarde, ind.decimalen),
        );
        let status = self.texts.status(a.status.key());
        let text = |key: &str, ctx| self.chart_text(key, ctx);
        let chart = charts::indicator_chart(ind, year, &status, self.style, &words, &text);
        self.figure(chart, 0.9);
        let words = self.chart_words(
            "bijschrift_uitsplitsing",
            context! { naam => ind.naam.clone() },
            String::new(),
        );
        let text = |key: &str, ctx| self.chart_text(key, ctx);
        if let Some(chart) = charts::breakdown_chart(ind, self.style, &words, &text) {
            self.figure(chart, 0.9);
        }
    }

    fn proposals(&mut self) {
        if self.data.doe_voorstellen.is_empty() {
            return;
        }
        let title = self.texts.teksten.koppen.doe_voorstellen.clone();
        self.heading(1, title, "doe-voorstellen");
        let n = self.data.doe_voorstellen.len();
        self.fragment(
            "/teksten/doe_voorstellen",
            context! {
                verslagjaar => self.year(),
                aantal_doe_voorstellen => self.count("doe_voorstellen", n),
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
                let actielijn = d
                    .actielijn
                    .as_ref()
                    .and_then(|id| self.data.actielijnen.iter().find(|a| &a.id == id))
                    .map_or("–".to_string(), |a| a.naam.clone());
                let mut name = Cell::text(d.naam.clone());
                if let Some(t) = d.toelichting.as_deref().filter(|t| !t.trim().is_empty()) {
                    name.note = Some(markdown::parse_inline(t.trim()));
                }
                vec![
                    Cell::text(d.nummer.to_string()),
                    name,
                    Cell::text(thema),
                    Cell::text(actielijn),
                    Cell::text(d.trekker.clone().unwrap_or_else(|| "–".into())),
                    Cell::inlines(vec![Inline::Status {
                        key: d.status.key().to_string(),
                        label: self.texts.status(d.status.key()),
                    }]),
                ]
            })
            .collect();
        self.blocks.push(Block::Table(Table {
            number: 0,
            caption: self.caption("doe_voorstellen", context! { jaar => self.year() }),
            header: [
                "nummer",
                "doe_voorstel",
                "thema",
                "actielijn",
                "trekker",
                "status",
            ]
            .map(|k| self.w(k))
            .to_vec(),
            align: vec![
                Align::Right,
                Align::Left,
                Align::Left,
                Align::Left,
                Align::Left,
                Align::Left,
            ],
            widths: vec![0.5, 3.0, 1.8, 1.5, 1.7, 1.3],
            rows,
        }));
    }

    fn appendices(&mut self) {
        let year = self.year();
        let k = self.texts.teksten.koppen.clone();
        self.heading(1, k.bijlagen.clone(), "bijlagen");
        self.heading(2, k.bijlage_metingen.clone(), "bijlage-metingen");
        let indicators: Vec<&Indicator> = self.data.indicatoren().collect();
        if indicators.is_empty() {
            self.fragment(
                "/teksten/bijlage_geen_metingen",
                context! { verslagjaar => year },
            );
        } else {
            self.fragment(
                "/teksten/bijlage_metingen",
                context! { verslagjaar => year },
            );
        }
        for ind in indicators {
            let regions: Vec<&String> = ind.uitsplitsing.keys().collect();
            let mut years: Vec<i32> = ind.metingen.keys().copied().collect();
            years.extend(ind.uitsplitsing.values().flat_map(|m| m.keys().copied()));
            years.sort_unstable();
            years.dedup();
            let mut header = vec![self.w("jaar"), self.w("meting"), self.w("verwacht")];
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
                            with_unit(charts::trajectory(ind, *y), ind)
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
                    Inline::text(self.texts.fill_key(
                        "woorden",
                        "nog_geen_metingen",
                        context! {
                            waarde => with_unit(ind.nulmeting.waarde, ind),
                            meetjaar => ind.nulmeting.jaar,
                        },
                    )),
                ]);
                continue;
            }
            let cols = header.len();
            let mut align = vec![Align::Left];
            align.extend(std::iter::repeat_n(Align::Right, cols - 1));
            self.blocks.push(Block::Table(Table {
                number: 0,
                caption: self.caption(
                    "metingen",
                    context! { naam => ind.naam.clone(), eenheid => ind.eenheid.clone() },
                ),
                header,
                align,
                widths: vec![1.0; cols],
                rows,
            }));
        }

        self.heading(
            2,
            k.bijlage_verantwoording.clone(),
            "bijlage-verantwoording",
        );
        let rules = &self.data.statusregels;
        let ctx = || {
            context! {
                verslagjaar => year,
                op_koers => number_trim(rules.op_koers),
                aandacht => number_trim(rules.aandacht),
            }
        };
        self.fragment("/teksten/verantwoording", ctx());
        let items = [
            (Status::GeenMeting, "geen_meting"),
            (Status::Behaald, "behaald"),
            (Status::Nulmeting, "nulmeting"),
            (Status::OpKoers, "op_koers"),
            (Status::Aandacht, "aandacht"),
            (Status::Achter, "achter"),
        ]
        .into_iter()
        .map(|(st, key)| {
            let text = self.line(&format!("/teksten/status_uitleg/{key}"), ctx());
            vec![Block::Paragraph {
                content: vec![self.status(st.key()), Inline::text(format!(": {text}"))],
            }]
        })
        .collect();
        self.blocks.push(Block::List {
            ordered: false,
            start: 1,
            items,
        });
        self.fragment("/teksten/verantwoording_slot", ctx());
    }
}

/// A threshold as written in running text: `90`, `87,5`.
fn number_trim(v: f64) -> String {
    crate::document::format_nl::number_plain(v)
}

/// The template text at a pointer into `teksten.yaml`.
fn fragment_at(t: &crate::document::texts::Teksten, pointer: &str) -> String {
    let f = &t.teksten;
    let s = &f.status_uitleg;
    let k = &t.koppen;
    match pointer {
        "/teksten/overzicht" => &f.overzicht,
        "/teksten/geen_indicatoren" => &f.geen_indicatoren,
        "/teksten/acties_overzicht" => &f.acties_overzicht,
        "/teksten/geen_acties" => &f.geen_acties,
        "/teksten/leeswijzer" => &f.leeswijzer,
        "/teksten/leeg_onderdeel" => &f.leeg_onderdeel,
        "/teksten/doe_voorstellen" => &f.doe_voorstellen,
        "/teksten/bijlage_metingen" => &f.bijlage_metingen,
        "/teksten/bijlage_geen_metingen" => &f.bijlage_geen_metingen,
        "/teksten/verantwoording" => &f.verantwoording,
        "/teksten/verantwoording_slot" => &f.verantwoording_slot,
        "/teksten/wijzigingen" => &f.wijzigingen,
        "/teksten/geen_wijzigingen" => &f.geen_wijzigingen,
        "/teksten/status_uitleg/geen_meting" => &s.geen_meting,
        "/teksten/status_uitleg/behaald" => &s.behaald,
        "/teksten/status_uitleg/nulmeting" => &s.nulmeting,
        "/teksten/status_uitleg/op_koers" => &s.op_koers,
        "/teksten/status_uitleg/aandacht" => &s.aandacht,
        "/teksten/status_uitleg/achter" => &s.achter,
        "/koppen/acties_van_thema" => &k.acties_van_thema,
        "/koppen/wijzigingen" => &k.wijzigingen,
        other => unreachable!("no fixed text at {other}"),
    }
    .clone()
}

/// `(id, name)` of every item of a report, per kind, in report order.
fn named_items(d: &Voortgang) -> [(&'static str, Vec<(&str, &str)>); 5] {
    [
        (
            "onderdeel",
            d.onderdelen
                .iter()
                .map(|o| (o.id.as_str(), o.naam.as_str()))
                .collect(),
        ),
        (
            "thema",
            d.themas()
                .map(|t| (t.id.as_str(), t.naam.as_str()))
                .collect(),
        ),
        (
            "indicator",
            d.indicatoren()
                .map(|i| (i.id.as_str(), i.naam.as_str()))
                .collect(),
        ),
        (
            "actie",
            d.acties()
                .map(|a| (a.id.as_str(), a.naam.as_str()))
                .collect(),
        ),
        (
            "doe_voorstel",
            d.doe_voorstellen
                .iter()
                .map(|v| (v.id.as_str(), v.naam.as_str()))
                .collect(),
        ),
    ]
}
