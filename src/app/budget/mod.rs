//! Words and files of the budget chapter: labels for axes, values, approvers
//! and statuses, money in the plan's currency, the texts of flags and
//! advice, and the Excel and CSV exports in the user's language.

pub mod chart;
pub mod payment_form;

use crate::domain::budget::approval::{is_overdue, routing, ApprovalRequest, ApprovalStatus, Approver};
use crate::domain::budget::roi::{advice, figures, Advice};
use crate::domain::budget::{Axis, BudgetFlag, BudgetKind};
use crate::domain::core::calendar::date_text;
use crate::domain::core::ids::ItemId;
use crate::domain::core::money::Money;
use crate::domain::core::rate::Rate;
use crate::domain::core::value::Value;
use crate::domain::plan::Plan;
use crate::i18n::{currency_symbol, format_date, format_money, t, Key, Lang, Text};
use crate::lazy::Job;
use crate::storage::csv;
use crate::storage::xlsx::{Cell, Sheet};
use chrono::{DateTime, NaiveDate, Utc};

pub fn axis_key(axis: Axis) -> Key {
    match axis {
        Axis::Reach => Key::AxisReach,
        Axis::Function => Key::AxisFunction,
        Axis::Region => Key::AxisRegion,
        Axis::Category => Key::AxisCategory,
        Axis::Priority => Key::AxisPriority,
    }
}

/// The label of a value code of any axis.
pub fn value_key(code: &str) -> Key {
    match code {
        "online" => Key::ValOnline,
        "offline" => Key::ValOffline,
        "brand" => Key::ValBrand,
        "sales_promotion" => Key::ValSalesPromotion,
        "key_markets" => Key::ValKeyMarkets,
        "others" => Key::ValOthers,
        "content" => Key::ValContent,
        "advertising" => Key::ValAdvertising,
        "events" => Key::ValEvents,
        "research" => Key::ValResearch,
        "crm" => Key::ValCrm,
        "acquisition" => Key::ValAcquisition,
        "conversion" => Key::ValConversion,
        "reserve" => Key::ValReserve,
        _ => Key::ValOther,
    }
}

pub fn kind_key(kind: BudgetKind) -> Key {
    match kind {
        BudgetKind::Normal => Key::BudgetKindNormal,
        BudgetKind::Innovation => Key::BudgetKindInnovation,
    }
}

pub fn approver_text(lang: Lang, approver: &Approver) -> String {
    match approver {
        Approver::MarketingDirector => t(lang, Key::ApproverDirector).to_owned(),
        Approver::GeneralManager => t(lang, Key::ApproverGm).to_owned(),
        Approver::OfficeMeeting => t(lang, Key::ApproverMeeting).to_owned(),
        Approver::Named(name) => name.clone(),
    }
}

pub fn status_key(status: ApprovalStatus) -> Key {
    match status {
        ApprovalStatus::Draft => Key::ApprovalStatusDraft,
        ApprovalStatus::Submitted { .. } => Key::ApprovalStatusSubmitted,
        ApprovalStatus::Approved { .. } => Key::ApprovalStatusApproved,
        ApprovalStatus::Rejected { .. } => Key::ApprovalStatusRejected,
    }
}

/// An amount in the plan's currency, in 万 if the plan shows it so.
pub fn money(lang: Lang, plan: &Plan, amount: Money) -> String {
    format_money(lang, plan.currency.code(), amount, plan.budget.show_wan)
}

/// A deviation in percentage points: "+10.0 pp" / "+10.0个百分点".
pub fn points(lang: Lang, basis_points: i64) -> String {
    let tenths = (basis_points as f64 / 10.0).round() as i64;
    let sign = match tenths.signum() {
        1 => "+",
        -1 => "-",
        _ => "",
    };
    let number = format!("{sign}{}.{}", tenths.abs() / 10, tenths.abs() % 10);
    match lang {
        Lang::ZhCn => format!("{number}个百分点"),
        Lang::En => format!("{number} pp"),
    }
}

/// A share as typed in a form: "12.5" for 12.5%.
pub fn percent_input(rate: Rate) -> String {
    Value::from_thousandths(rate.0 * 10).grouped().replace(',', "")
}

/// Reads a typed percentage into a share; None if it is not a number.
pub fn parse_percent(text: &str) -> Option<Rate> {
    let v = Value::parse(text).ok()?;
    // Hundredths of a percent are as fine as a split gets.
    Some(Rate((v.thousandths() as f64 / 10.0).round() as i64))
}

pub fn ratio_text(v: Value) -> String {
    let hundredths = (v.thousandths() as f64 / 10.0).round() as i64;
    Value::from_thousandths(hundredths * 10).grouped()
}

fn line_name(plan: &Plan, id: ItemId) -> String {
    plan.budget.line(id).map(|l| l.name.clone()).unwrap_or_default()
}

pub fn flag_text(lang: Lang, plan: &Plan, flag: &BudgetFlag) -> String {
    let m = |a: Money| money(lang, plan, a);
    match flag {
        BudgetFlag::LinesExceedAvailable { planned, available } => Text::new(Key::FlagLinesExceed)
            .with("planned", m(*planned))
            .with("available", m(*available)),
        BudgetFlag::ReserveOutsideBand { reserve, band } => Text::new(Key::FlagReserveBand)
            .with("reserve", reserve.percent_text())
            .with_text("kind", Text::new(kind_key(plan.budget.kind)))
            .with("low", band.low.percent_text())
            .with("high", band.high.percent_text()),
        BudgetFlag::SplitDoesNotAddUp { axis, sum } => Text::new(Key::FlagSplitSum)
            .with_text("axis", Text::new(axis_key(*axis)))
            .with("sum", sum.percent_text()),
        BudgetFlag::NegativeAmount { line } => Text::new(Key::FlagNegative).with("line", line_name(plan, *line)),
        BudgetFlag::ActualOutsidePeriod { line, actual } => {
            let date = plan
                .budget
                .line(*line)
                .and_then(|l| l.actuals.iter().find(|a| a.id == *actual))
                .map(|a| format_date(lang, a.date))
                .unwrap_or_default();
            Text::new(Key::FlagActualOutside)
                .with("line", line_name(plan, *line))
                .with("date", date)
        }
        BudgetFlag::LineOverBudget { line, variance } => Text::new(Key::FlagLineOver)
            .with("line", line_name(plan, *line))
            .with("actual", m(variance.actual))
            .with("planned", m(variance.planned)),
        BudgetFlag::ProjectedOverrun { projected, total } => Text::new(Key::FlagProjected)
            .with("projected", m(*projected))
            .with("total", m(*total)),
        BudgetFlag::SplitValueUnknown { axis, value } => Text::new(Key::FlagSplitUnknown)
            .with_text("axis", Text::new(axis_key(*axis)))
            .with("value", value),
    }
    .render(lang)
}

/// Requests waiting past their due date, as sentences.
pub fn overdue_texts(lang: Lang, plan: &Plan, today: NaiveDate) -> Vec<String> {
    let b = &plan.budget;
    let cal = plan.working_calendar();
    b.approvals
        .iter()
        .filter(|r| is_overdue(&b.tiers, &cal, r, today))
        .filter_map(|r| {
            let route = routing(&b.tiers, &cal, r)?;
            Some(
                Text::new(Key::FlagApprovalOverdue)
                    .with("title", &r.title)
                    .with("approver", approver_text(lang, &route.tier.approver))
                    .with("date", format_date(lang, r.status.submitted_on()?))
                    .with("due", format_date(lang, route.due?))
                    .render(lang),
            )
        })
        .collect()
}

/// What the dashboard shows of the budget: lines over budget, a projected
/// overrun and overdue approvals.
pub fn dashboard_texts(lang: Lang, plan: &Plan, today: NaiveDate) -> Vec<String> {
    let mut out: Vec<String> = plan
        .budget
        .flags(&plan.period, today)
        .iter()
        .filter(|f| {
            matches!(
                f,
                BudgetFlag::LineOverBudget { .. } | BudgetFlag::ProjectedOverrun { .. }
            )
        })
        .map(|f| flag_text(lang, plan, f))
        .collect();
    out.extend(overdue_texts(lang, plan, today));
    out
}

pub fn advice_text(lang: Lang, plan: &Plan, channel: &str, advice: &Advice) -> String {
    let m = |a: Money| money(lang, plan, a);
    match *advice {
        Advice::MoveAway { roi, limit } => Text::new(Key::AdviceMoveAway)
            .with("roi", ratio_text(roi))
            .with("limit", ratio_text(limit))
            .with("channel", channel),
        Advice::Cut { roi, limit } => Text::new(Key::AdviceCut)
            .with("roi", ratio_text(roi))
            .with("limit", ratio_text(limit))
            .with("channel", channel),
        Advice::Grow { roi, limit } => Text::new(Key::AdviceGrow)
            .with("roi", ratio_text(roi))
            .with("limit", ratio_text(limit))
            .with("channel", channel),
        Advice::Pause { cac, ceiling } => Text::new(Key::AdvicePause)
            .with("cac", m(cac))
            .with("ceiling", m(ceiling))
            .with("channel", channel),
        Advice::Add { conversion, limit } => Text::new(Key::AdviceAdd)
            .with("conversion", conversion.percent_text())
            .with("limit", limit.percent_text())
            .with("channel", channel),
    }
    .render(lang)
}

/// Every piece of advice of the plan, channel by channel.
pub fn all_advice(lang: Lang, plan: &Plan) -> Vec<String> {
    let b = &plan.budget;
    b.channels
        .iter()
        .flat_map(|c| {
            advice(&figures(b, c), &b.rules)
                .into_iter()
                .map(move |a| advice_text(lang, plan, &c.name, &a))
        })
        .collect()
}

fn tr(lang: Lang, key: Key) -> String {
    t(lang, key).to_owned()
}

fn month_text(d: Option<NaiveDate>) -> String {
    d.map(crate::domain::core::calendar::month_text).unwrap_or_default()
}

fn channel_name(plan: &Plan, id: Option<ItemId>) -> String {
    id.and_then(|id| plan.budget.channel(id))
        .map(|c| c.name.clone())
        .unwrap_or_default()
}

fn request_label(lang: Lang, plan: &Plan, r: &ApprovalRequest) -> (String, String, Option<NaiveDate>) {
    let cal = plan.working_calendar();
    match routing(&plan.budget.tiers, &cal, r) {
        Some(route) => (
            approver_text(lang, &route.tier.approver),
            tr(lang, status_key(r.status)),
            route.due,
        ),
        None => (String::new(), tr(lang, status_key(r.status)), None),
    }
}

/// The workbook's sheets: lines, splits, payments, approvals, channels.
pub fn budget_sheets(plan: &Plan, lang: Lang) -> Vec<Sheet> {
    let b = &plan.budget;
    let text = |s: &str| Cell::Text(s.to_owned());
    let value = |code: &str| Cell::Text(tr(lang, value_key(code)));
    let header = |keys: &[Key]| keys.iter().map(|k| tr(lang, *k)).collect::<Vec<_>>();
    let lines = Sheet {
        name: tr(lang, Key::XlsxSheetLines),
        header: header(&[
            Key::BudgetColName,
            Key::BudgetColAmount,
            Key::BudgetColSpent,
            Key::BudgetColVariance,
            Key::BudgetColBurn,
            Key::BudgetColCategory,
            Key::BudgetColChannel,
            Key::BudgetColReach,
            Key::BudgetColFunction,
            Key::BudgetColRegion,
            Key::BudgetColPriority,
            Key::BudgetColMonth,
            Key::BudgetColOwner,
        ]),
        rows: b
            .lines
            .iter()
            .map(|l| {
                let v = b.line_variance(l);
                vec![
                    text(&l.name),
                    Cell::Money(l.amount.fen()),
                    Cell::Money(v.actual.fen()),
                    Cell::Money(v.difference().fen()),
                    v.burn().map_or(Cell::Empty, |r| Cell::Percent(r.0 as f64 / 10_000.0)),
                    value(l.category.code()),
                    text(&channel_name(plan, l.channel)),
                    value(l.reach.code()),
                    value(l.function.code()),
                    value(l.region.code()),
                    value(l.priority.code()),
                    text(&month_text(l.month)),
                    text(&l.owner),
                ]
            })
            .collect(),
    };
    let splits = Sheet {
        name: tr(lang, Key::XlsxSheetSplits),
        header: header(&[
            Key::XlsxAxis,
            Key::SplitsColValue,
            Key::SplitsColIntended,
            Key::SplitsColActual,
            Key::SplitsColAmount,
        ]),
        rows: Axis::ALL
            .iter()
            .flat_map(|&axis| {
                b.split(axis).rows.into_iter().map(move |row| {
                    vec![
                        Cell::Text(tr(lang, axis_key(axis))),
                        Cell::Text(tr(lang, value_key(row.value))),
                        Cell::Percent(row.intended.0 as f64 / 10_000.0),
                        row.actual.map_or(Cell::Empty, |r| Cell::Percent(r.0 as f64 / 10_000.0)),
                        Cell::Money(row.planned.fen()),
                    ]
                })
            })
            .collect(),
    };
    let actuals = Sheet {
        name: tr(lang, Key::XlsxSheetActuals),
        header: header(&[
            Key::SpendingDate,
            Key::SpendingLine,
            Key::SpendingAmount,
            Key::SpendingNote,
        ]),
        rows: b
            .lines
            .iter()
            .flat_map(|l| {
                l.actuals.iter().map(move |a| {
                    vec![
                        Cell::Date(a.date),
                        text(&l.name),
                        Cell::Money(a.amount.fen()),
                        text(&a.note),
                    ]
                })
            })
            .collect(),
    };
    let approvals = Sheet {
        name: tr(lang, Key::XlsxSheetApprovals),
        header: header(&[
            Key::ApprovalColTitle,
            Key::ApprovalColAmount,
            Key::ApprovalColApprover,
            Key::ApprovalColStatus,
            Key::ApprovalColSubmitted,
            Key::ApprovalColDue,
        ]),
        rows: b
            .approvals
            .iter()
            .map(|r| {
                let (approver, status, due) = request_label(lang, plan, r);
                vec![
                    text(&r.title),
                    Cell::Money(r.amount.fen()),
                    Cell::Text(approver),
                    Cell::Text(status),
                    r.status.submitted_on().map_or(Cell::Empty, Cell::Date),
                    due.map_or(Cell::Empty, Cell::Date),
                ]
            })
            .collect(),
    };
    let channels = Sheet {
        name: tr(lang, Key::XlsxSheetChannels),
        header: header(&[
            Key::ChannelColName,
            Key::ChannelColSpend,
            Key::ChannelColRevenue,
            Key::ChannelColLeads,
            Key::ChannelColCustomers,
            Key::ChannelColRoi,
            Key::ChannelColCac,
            Key::ChannelColConversion,
            Key::ChannelColLtv,
        ]),
        rows: b
            .channels
            .iter()
            .map(|c| {
                let f = figures(b, c);
                vec![
                    text(&c.name),
                    Cell::Money(f.spend.fen()),
                    Cell::Money(f.revenue.fen()),
                    Cell::Number(c.leads as f64),
                    Cell::Number(c.customers as f64),
                    f.roi.map_or(Cell::Empty, |v| Cell::Number(v.as_f64())),
                    f.cac.map_or(Cell::Empty, |m| Cell::Money(m.fen())),
                    f.conversion
                        .map_or(Cell::Empty, |r| Cell::Percent(r.0 as f64 / 10_000.0)),
                    f.ltv.map_or(Cell::Empty, |m| Cell::Money(m.fen())),
                ]
            })
            .collect(),
    };
    vec![lines, splits, actuals, approvals, channels]
}

/// The budget's Excel workbook, as a job for the lazily loaded files module.
pub fn budget_workbook(plan: &Plan, lang: Lang, now: DateTime<Utc>) -> Job {
    Job::Workbook {
        sheets: budget_sheets(plan, lang),
        currency_symbol: currency_symbol(plan.currency.code()).to_owned(),
        created: now,
    }
}

/// The budget lines as CSV: amounts as plain numbers (two decimals) so a
/// spreadsheet reads them as numbers.
pub fn lines_csv(plan: &Plan, lang: Lang) -> String {
    let sheet = &budget_sheets(plan, lang)[0];
    let mut rows = vec![sheet.header.clone()];
    for row in &sheet.rows {
        rows.push(
            row.iter()
                .map(|c| match c {
                    Cell::Empty => String::new(),
                    Cell::Text(t) => t.clone(),
                    Cell::Number(n) => n.to_string(),
                    Cell::Money(fen) => Money::from_fen(*fen).input_text(),
                    Cell::Percent(p) => format!("{:.1}%", p * 100.0),
                    Cell::Date(d) => date_text(*d),
                })
                .collect(),
        );
    }
    csv::write(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::CountingIds;
    use crate::domain::plan::sample::sample_plan;
    use calamine::{Data, Reader, Xlsx};
    use chrono::TimeZone;
    use std::io::Cursor;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn deviations_and_percent_fields() {
        assert_eq!(points(Lang::En, 1_000), "+10.0 pp");
        assert_eq!(points(Lang::ZhCn, -250), "-2.5个百分点");
        assert_eq!(points(Lang::En, 0), "0.0 pp");
        assert_eq!(percent_input(Rate(1_250)), "12.5");
        assert_eq!(parse_percent("12.5"), Some(Rate(1_250)));
        assert_eq!(parse_percent("６０%"), Some(Rate(6_000)));
        assert_eq!(parse_percent("abc"), None);
        assert_eq!(ratio_text(Value::from_thousandths(833)), "0.83");
    }

    #[test]
    fn the_workbook_reads_back_in_an_independent_reader() {
        let plan = sample_plan(Lang::ZhCn, &mut CountingIds::default(), today(), Utc::now());
        let now = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
        let bytes = crate::lazy::run(&budget_workbook(&plan, Lang::ZhCn, now).request()).unwrap();
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        assert_eq!(
            book.sheet_names(),
            vec!["预算明细", "分配比例", "支出记录", "审批", "渠道效果"]
        );
        let lines = book.worksheet_range("预算明细").unwrap();
        assert_eq!(lines.get_value((0, 0)), Some(&Data::String("预算项".into())));
        assert_eq!(lines.get_value((1, 0)), Some(&Data::String("搜索广告".into())));
        assert_eq!(lines.get_value((1, 1)), Some(&Data::Float(200_000.0)));
        assert_eq!(lines.get_value((1, 2)), Some(&Data::Float(150_000.0)));
        assert_eq!(lines.get_value((1, 5)), Some(&Data::String("广告".into())));
        assert_eq!(lines.height(), plan.budget.lines.len() + 1);
        let splits = book.worksheet_range("分配比例").unwrap();
        assert_eq!(splits.get_value((1, 2)), Some(&Data::Float(0.6)));
        let approvals = book.worksheet_range("审批").unwrap();
        assert_eq!(approvals.get_value((1, 2)), Some(&Data::String("总经理".into())));
        let channels = book.worksheet_range("渠道效果").unwrap();
        assert_eq!(channels.get_value((1, 5)), Some(&Data::Float(0.8)), "search ROI");
    }

    #[test]
    fn the_csv_neutralises_formulas_and_keeps_amounts_numeric() {
        let mut plan = sample_plan(Lang::En, &mut CountingIds::default(), today(), Utc::now());
        std::rc::Rc::make_mut(&mut plan.budget).lines[0].name = "=1+1".into();
        let text = lines_csv(&plan, Lang::En);
        assert!(text.starts_with("\u{FEFF}Line,Planned,Spent"));
        assert!(
            text.contains("\r\n'=1+1,200000,150000,-50000,75.0%,"),
            "{}",
            &text[..200]
        );
    }

    #[test]
    fn advice_and_flags_read_with_their_numbers() {
        let plan = sample_plan(Lang::En, &mut CountingIds::default(), today(), Utc::now());
        let advice = all_advice(Lang::En, &plan);
        assert!(
            advice.contains(&"Search: ROI 0.8 is below 1: move budget away.".to_owned()),
            "{advice:?}"
        );
        assert!(advice
            .iter()
            .any(|a| a == "Douyin: CAC ¥200.00 is above the ceiling of ¥150.00: pause."));
        let plan = sample_plan(Lang::ZhCn, &mut CountingIds::default(), today(), Utc::now());
        let dashboard = dashboard_texts(Lang::ZhCn, &plan, today());
        assert!(
            dashboard
                .iter()
                .any(|t| t.contains("客户满意度调研") && t.contains("已超支")),
            "{dashboard:?}"
        );
        assert!(dashboard.iter().any(|t| t.contains("逾期")), "{dashboard:?}");
    }
}
