//! A KPI's check-ins drawn as SVG against its levels and pace line.

use crate::app::chart::{geometry, points, HEIGHT, WIDTH};
use crate::domain::kpi::Kpi;
use crate::domain::period::Period;
use crate::i18n::{t, Key, Lang, Text};
use chrono::NaiveDate;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KpiChartProps {
    pub kpi: Kpi,
    pub period: Period,
    pub today: NaiveDate,
    pub lang: Lang,
}

#[function_component(KpiChart)]
pub fn kpi_chart(props: &KpiChartProps) -> Html {
    let g = geometry(&props.kpi, &props.period, props.today);
    let lang = props.lang;
    let label = Text::new(Key::ChartLabel)
        .with("name", &props.kpi.name)
        .render(lang);
    let level = |y: f64, class: &'static str, key: Key| {
        html! {
            <g class={class}>
                <line x1="8" x2={(WIDTH - 8.0).to_string()} y1={y.to_string()} y2={y.to_string()} />
                <text x={(WIDTH - 10.0).to_string()} y={(y - 2.0).to_string()} text-anchor="end">{ t(lang, key) }</text>
            </g>
        }
    };
    html! {
        <svg class="kpi-chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-label={label}>
            { level(g.challenge_y, "line-challenge", Key::ChartChallenge) }
            { level(g.target_y, "line-target", Key::ChartTarget) }
            { level(g.baseline_y, "line-baseline", Key::ChartBaseline) }
            <polyline class="line-pace" points={points(&g.pace)} />
            if let Some(x) = g.today_x {
                <line class="line-today" x1={x.to_string()} x2={x.to_string()} y1="4" y2={(HEIGHT - 4.0).to_string()} />
            }
            <polyline class="line-actual" points={points(&g.actual)} />
            { for g.actual.iter().map(|(x, y)| html! { <circle class="dot-actual" cx={x.to_string()} cy={y.to_string()} r="3" /> }) }
        </svg>
    }
}
