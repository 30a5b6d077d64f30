//! Builds the [`Document`] and its charts from validated, analysed data.
//! This is where the report's content and order are decided, once for all
//! formats.

use crate::analysis::{Analysis, IndicatorAnalysis, Status};
use crate::charts::{self, ChartSet};
use crate::format_nl::{date, number, percent, percent0};
use crate::model::{Actie, Gereed, Indicator, RapportStatus, Thema, Voortgang};

use super::markdown;
use super::{Align, Block, Cell, Document, Figure, Inline, Labels, Meta, Table};

/// The report content and the charts it shows.
pub struct Built {
    pub document: Document,
    pub charts: ChartSet,
}

/// Build the report of `data`.
pub fn build(data: &Voortgang, analysis: &Analysis, logo: Option<String>) -> Built {
    let mut b = Builder {
        data,
        analysis,
        blocks: Vec::new(),
        charts: ChartSet::default(),
        anchors: Vec::new(),
    };
    b.blocks.push(Block::Toc);
    b.summary();
    b.introduction();
    for onderdeel in &data.onderdelen {
        b.part(onderdeel);
    }
    b.proposals();
    b.appendices();
    Built {
        document: Document {
            meta: meta(data, logo),
            blocks: b.blocks,
        },
        charts: b.charts,
    }
}

fn meta(data: &Voortgang, logo: Option<String>) -> Meta {
    let r = &data.rapport;
    let status = match r.status {
        RapportStatus::Concept => "concept",
        RapportStatus::Definitief => "definitief",
    };
    let mut facts = vec![
        ("Landsdeel".to_string(), vec![r.landsdeel.clone()]),
        ("Verslagjaar".to_string(), vec![r.verslagjaar.to_string()]),
        ("Publicatiedatum".to_string(), vec![date(r.publicatiedatum)]),
    ];
    match &r.versie {
        Some(v) => facts.push(("Versie".into(), vec![format!("{v} ({status})")])),
        None => facts.push(("Status".into(), vec![status.to_string()])),
    }
    if let Some(o) = &r.opsteller {
        facts.push(("Opgesteld door".into(), vec![o.clone()]));
    }
    if !r.organisaties.is_empty() {
        facts.push(("Partners".into(), r.organisaties.clone()));
    }
    Meta {
        titelpagina_kop: format!("Techniekpact · Landsdeel {}", r.landsdeel),
        verslagjaar_tekst: format!("Verslagjaar {}", r.verslagjaar),
        titelpagina: facts,
        titel: r.titel.clone(),
        ondertitel: r.ondertitel.clone(),
        landsdeel: r.landsdeel.clone(),
        verslagjaar: r.verslagjaar,
        publicatiedatum: date(r.publicatiedatum),
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
        kopregel: format!("{} · verslagjaar {}", r.titel, r.verslagjaar),
        labels: Labels {
            inhoud: "Inhoud".into(),
            pagina: "pagina".into(),
            van: "van".into(),
            concept: "CONCEPT".into(),
            logo: format!("Logo van het Techniekpact Landsdeel {}", r.landsdeel),
            figuur: "Figuur".into(),
            tabel: "Tabel".into(),
        },
    }
}

/// The status word of an indicator as an inline.
pub fn status_inline(s: Status) -> Inline {
    Inline::Status {
        key: format!("{s:?}").to_lowercase(),
        label: s.label().into(),
    }
}

fn actie_status_inline(a: &Actie) -> Inline {
    Inline::Status {
        key: format!("actie_{}", a.status.label()),
        label: a.status.label().into(),
    }
}

fn gereed_text(g: Option<Gereed>) -> String {
    match g {
        Some(Gereed::Jaar(y)) => y.to_string(),
        Some(Gereed::Datum(d)) => date(d),
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

fn plural_s(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Join words as Dutch enumerations: `a, b en c`.
fn enumerate_nl(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

struct Builder<'a> {
    data: &'a Voortgang,
    analysis: &'a Analysis,
    blocks: Vec<Block>,
    charts: ChartSet,
    anchors: Vec<String>,
}

impl Builder<'_> {
    fn year(&self) -> i32 {
        self.data.rapport.verslagjaar
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
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
            anchor,
        });
    }

    fn para(&mut self, content: Vec<Inline>) {
        self.blocks.push(Block::Paragraph { content });
    }

    fn text(&mut self, s: impl Into<String>) {
        self.para(vec![Inline::text(s)]);
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
        self.heading(1, "Samenvatting", "samenvatting");
        self.markdown(&self.data.samenvatting.clone());

        self.heading(2, "Overzicht van de indicatoren", "overzicht-indicatoren");
        let total = self.analysis.indicators.len();
        if total == 0 {
            self.text("Dit rapport bevat geen gekwantificeerde doelen (indicatoren); de voortgang blijkt uit de acties hieronder.");
        } else {
            let parts: Vec<String> = self
                .analysis
                .status_counts()
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .map(|(s, n)| format!("{n} {}", s.label()))
                .collect();
            self.text(format!(
                "Het rapport volgt {}. Over {year} is de stand: {}. De status vergelijkt de gerealiseerde verandering met de verwachte voortgang op de lijn van nulmeting naar doel (zie bijlage B).",
                plural_s(total, "indicator", "indicatoren"),
                enumerate_nl(&parts)
            ));
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
                        Cell::inlines(vec![status_inline(a.status)]),
                    ]
                })
                .collect();
            self.blocks.push(Block::Table(Table {
                caption: Some(format!("Stand van de indicatoren in {year}")),
                header: vec![
                    "Indicator".into(),
                    "Nulmeting".into(),
                    format!("Meting {year}"),
                    "Doel".into(),
                    "Realisatie".into(),
                    "Status".into(),
                ],
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
            let chart = charts::summary_chart(self.data, self.analysis);
            self.figure(chart, 1.0);
        }

        self.heading(2, "Acties per status", "acties-per-status");
        let counts = &self.analysis.acties_per_status;
        let total: usize = counts.iter().map(|(_, n)| n).sum();
        if total == 0 {
            self.text("Er zijn geen acties vastgelegd.");
        } else {
            let done = counts
                .iter()
                .find(|(s, _)| s.label() == "afgerond")
                .map_or(0, |(_, n)| *n);
            self.text(format!(
                "Van de {} {} er {done} afgerond.",
                plural_s(total, "actie", "acties"),
                if done == 1 { "is" } else { "zijn" }
            ));
            let rows = counts
                .iter()
                .map(|(s, n)| {
                    vec![
                        Cell::inlines(vec![Inline::Status {
                            key: format!("actie_{}", s.label()),
                            label: s.label().into(),
                        }]),
                        Cell::text(n.to_string()),
                    ]
                })
                .collect();
            self.blocks.push(Block::Table(Table {
                caption: Some(format!("Aantal acties per status in {year}")),
                header: vec!["Status".into(), "Aantal acties".into()],
                align: vec![Align::Left, Align::Right],
                widths: vec![2.0, 1.0],
                rows,
            }));
        }
    }

    fn introduction(&mut self) {
        self.heading(1, "Inleiding", "inleiding");
        self.markdown(&self.data.inleiding.clone());
        self.heading(2, "Leeswijzer", "leeswijzer");
        let parts: Vec<String> = self
            .data
            .onderdelen
            .iter()
            .map(|o| format!("‘{}’", o.naam))
            .collect();
        self.text(format!(
            "Na deze inleiding volgt per onderdeel van het arrangement een hoofdstuk: {}. Elk hoofdstuk beschrijft per thema de partners, de gekwantificeerde doelen met hun metingen en grafiek, en de afspraken (acties) met hun status. Daarna volgen de doe-voorstellen en de bijlagen met alle metingen en de verantwoording van de berekende status.",
            enumerate_nl(&parts)
        ));
        self.text(
            "Een status wordt altijd met een woord aangeduid; de kleur is alleen een hulpmiddel.",
        );
    }

    fn part(&mut self, onderdeel: &crate::model::Onderdeel) {
        self.heading(1, onderdeel.naam.clone(), &onderdeel.id);
        let had_text = self.markdown(&onderdeel.toelichting);
        if onderdeel.themas.is_empty() && !had_text {
            self.text("Voor dit onderdeel zijn in dit verslagjaar geen thema's, doelen of acties vastgelegd.");
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
                Inline::strong("Actielijn: "),
                Inline::text(al.naam.clone()),
            ]);
        }
        if !thema.partners.is_empty() {
            facts.push(vec![
                Inline::strong("Partners: "),
                Inline::text(enumerate_nl(&thema.partners)),
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
            self.heading(
                3,
                format!("Acties: {}", thema.naam),
                &format!("{}-acties", thema.id),
            );
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
                        Cell::inlines(vec![actie_status_inline(a)]),
                        Cell::text(gereed_text(a.gereed)),
                    ]
                })
                .collect();
            self.blocks.push(Block::Table(Table {
                caption: Some(format!("Acties van het thema {}", thema.naam)),
                header: vec![
                    "Actie".into(),
                    "Trekker".into(),
                    "Status".into(),
                    "Gereed".into(),
                ],
                align: vec![Align::Left, Align::Left, Align::Left, Align::Left],
                widths: vec![3.4, 1.8, 1.1, 1.3],
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
            Some((y, v)) => format!(
                "geen meting over {year}; laatste meting {} {} ({y})",
                number(v, ind.decimalen),
                ind.eenheid
            ),
            None => format!("geen meting over {year}"),
        };
        let mut rows = vec![
            vec![
                Cell::text("Nulmeting"),
                Cell::text(format!(
                    "{} {} ({})",
                    number(ind.nulmeting.waarde, ind.decimalen),
                    ind.eenheid,
                    ind.nulmeting.jaar
                )),
            ],
            vec![Cell::text(format!("Meting {year}")), Cell::text(measured)],
            vec![
                Cell::text("Doel"),
                Cell::text(format!(
                    "{} {} ({})",
                    number(ind.doel.waarde, ind.decimalen),
                    ind.eenheid,
                    ind.doel.jaar
                )),
            ],
            vec![
                Cell::text("Richting"),
                Cell::text(match ind.richting {
                    crate::model::Richting::Stijgend => "stijgend (hoger is beter)",
                    crate::model::Richting::Dalend => "dalend (lager is beter)",
                }),
            ],
            vec![
                Cell::text("Realisatie"),
                Cell::text(a.realisatie.map_or("–".into(), percent)),
            ],
            vec![Cell::text("Verwacht"), Cell::text(percent(a.verwacht))],
            vec![
                Cell::text("Voortgang"),
                Cell::text(a.voortgang.map_or("–".into(), percent0)),
            ],
            vec![
                Cell::text("Status"),
                Cell::inlines(vec![status_inline(a.status)]),
            ],
        ];
        if let Some(bron) = &ind.bron {
            rows.push(vec![Cell::text("Bron"), Cell::text(bron.clone())]);
        }
        self.blocks.push(Block::Table(Table {
            caption: Some(format!("Kerncijfers: {}", ind.naam)),
            header: vec!["Kerncijfer".into(), "Waarde".into()],
            align: vec![Align::Left, Align::Left],
            widths: vec![1.3, 3.0],
            rows,
        }));
        self.markdown(&ind.toelichting);
        self.figure(charts::indicator_chart(ind, &a, year), 0.9);
        if let Some(chart) = charts::breakdown_chart(ind) {
            self.figure(chart, 0.9);
        }
    }

    fn proposals(&mut self) {
        if self.data.doe_voorstellen.is_empty() {
            return;
        }
        self.heading(1, "Doe-voorstellen", "doe-voorstellen");
        let n = self.data.doe_voorstellen.len();
        self.text(format!(
            "Stakeholders uit het landsdeel hebben {} opgesteld voor onderwerpen die beter bovenregionaal aangepakt kunnen worden. De tabel geeft hun stand in {}.",
            plural_s(n, "doe-voorstel", "doe-voorstellen"),
            self.year()
        ));
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
                        key: format!("doe_{}", d.status.label().replace(' ', "_")),
                        label: d.status.label().into(),
                    }]),
                ]
            })
            .collect();
        self.blocks.push(Block::Table(Table {
            caption: Some(format!("Doe-voorstellen en hun stand in {}", self.year())),
            header: vec![
                "Nr.".into(),
                "Doe-voorstel".into(),
                "Thema".into(),
                "Actielijn".into(),
                "Trekker".into(),
                "Status".into(),
            ],
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
        self.heading(1, "Bijlagen", "bijlagen");
        self.heading(2, "Bijlage A. Metingen per indicator", "bijlage-metingen");
        let indicators: Vec<&Indicator> = self.data.indicatoren().collect();
        if indicators.is_empty() {
            self.text("Dit rapport bevat geen indicatoren en dus geen metingen.");
        } else {
            self.text(format!(
                "Per indicator alle metingen tot en met {year}, met de waarde die op de lijn van nulmeting naar doel in dat jaar verwacht werd."
            ));
        }
        for ind in indicators {
            let regions: Vec<&String> = ind.uitsplitsing.keys().collect();
            let mut years: Vec<i32> = ind.metingen.keys().copied().collect();
            years.extend(ind.uitsplitsing.values().flat_map(|m| m.keys().copied()));
            years.sort_unstable();
            years.dedup();
            let mut header = vec!["Jaar".to_string(), "Meting".into(), "Verwacht".into()];
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
                    Inline::text(format!(
                        "nog geen metingen (nulmeting {} in {}).",
                        with_unit(ind.nulmeting.waarde, ind),
                        ind.nulmeting.jaar
                    )),
                ]);
                continue;
            }
            let cols = header.len();
            let mut align = vec![Align::Left];
            align.extend(std::iter::repeat_n(Align::Right, cols - 1));
            self.blocks.push(Block::Table(Table {
                caption: Some(format!("Metingen: {} ({})", ind.naam, ind.eenheid)),
                header,
                align,
                widths: vec![1.0; cols],
                rows,
            }));
        }

        self.heading(2, "Bijlage B. Verantwoording", "bijlage-verantwoording");
        let rules = &self.data.statusregels;
        self.text(format!(
            "Voor elke indicator met nulmeting (jaar j0, waarde w0), doel (jaar j1, waarde w1) en een meting w over het verslagjaar {year} worden drie getallen berekend:"
        ));
        self.blocks.push(Block::List {
            ordered: false,
            start: 1,
            items: vec![
                vec![Block::Paragraph {
                    content: vec![
                        Inline::strong("realisatie"),
                        Inline::text(" = (w − w0) / (w1 − w0) × 100 %: het deel van de benodigde verandering dat is bereikt;"),
                    ],
                }],
                vec![Block::Paragraph {
                    content: vec![
                        Inline::strong("verwacht"),
                        Inline::text(format!(" = ({year} − j0) / (j1 − j0) × 100 %: het deel van de looptijd tot het doeljaar dat verstreken is;")),
                    ],
                }],
                vec![Block::Paragraph {
                    content: vec![
                        Inline::strong("voortgang"),
                        Inline::text(" = realisatie / verwacht × 100 %."),
                    ],
                }],
            ],
        });
        self.text("De status volgt daaruit, in deze volgorde:");
        let s = |st: Status, rest: String| {
            vec![Block::Paragraph {
                content: vec![status_inline(st), Inline::text(rest)],
            }]
        };
        self.blocks.push(Block::List {
            ordered: false,
            start: 1,
            items: vec![
                s(Status::GeenMeting, format!(": er is geen meting over {year}; de laatste eerdere meting wordt getoond met haar jaar;")),
                s(Status::Behaald, ": de realisatie is 100 % of meer;".into()),
                s(Status::Nulmeting, format!(": het verslagjaar {year} valt niet na het jaar van de nulmeting;")),
                s(Status::OpKoers, format!(": de voortgang is {} % of meer;", number(rules.op_koers, 1).trim_end_matches(",0"))),
                s(Status::Aandacht, format!(": de voortgang is {} % of meer, maar minder dan {} %;", number(rules.aandacht, 1).trim_end_matches(",0"), number(rules.op_koers, 1).trim_end_matches(",0"))),
                s(Status::Achter, format!(": de voortgang is minder dan {} %.", number(rules.aandacht, 1).trim_end_matches(",0"))),
            ],
        });
        self.text("Voor indicatoren met richting ‘dalend’ (lager is beter) geldt dezelfde berekening; een daling telt dan als vooruitgang. Voorbeeld: nulmeting 10 in 2014, doel 77 in 2020 en meting 34 in 2016 geven een realisatie van 35,8 %, een verwachte voortgang van 33,3 %, een voortgang van 107 % en dus de status ‘op koers’.");
        self.text("Acties en doe-voorstellen krijgen hun status niet berekend: die wordt door de trekkers opgegeven en door het secretariaat vastgelegd.");
    }
}
