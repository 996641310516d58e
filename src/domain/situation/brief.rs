//! The monthly competitor brief (竞品分析简报, DOMAIN.md §2: monthly
//! *default*): each competitor's moves in the month, the price changes at or
//! above the plan's threshold in either direction, and a comparison that
//! scores competitors on a complete persona's decision factors.

use super::{Competitor, Move, Persona, Situation};
use crate::domain::core::order::{day, sort_by_rank};
use crate::domain::core::period::Period;
use crate::domain::core::rate::Rate;
use chrono::{Datelike, NaiveDate};

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Month {
    pub fn of(day: NaiveDate) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    pub fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        Month::of(day) == self
    }

    /// The months a plan period touches, in order.
    pub fn of_period(period: &Period) -> Vec<Month> {
        let last = Month::of(period.end);
        let mut months = vec![Month::of(period.start)];
        // A period is at most a few years: the bound only guards a bad file.
        while let Some(&m) = months.last().filter(|m| **m < last && months.len() < 600) {
            months.push(m.next());
        }
        months
    }

    /// `2026-10`, as a route or a select value.
    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    pub fn parse(code: &str) -> Option<Month> {
        let (y, m) = code.split_once('-')?;
        let month = Month {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
        };
        month.first_day().map(|_| month)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriceDirection {
    Up,
    Down,
}

/// A price move at or above the threshold.
#[derive(Clone, Debug, PartialEq)]
pub struct PriceFlag<'a> {
    pub competitor: &'a Competitor,
    pub price_move: &'a Move,
    pub change: Rate,
    pub direction: PriceDirection,
}

/// A competitor's weighted score; None while a factor has no mark.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreRow<'a> {
    pub competitor: &'a Competitor,
    /// Hundredths of a point, 100 to 500.
    pub score: Option<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Brief<'a> {
    pub month: Month,
    /// Competitors with moves this month, each with its moves by date.
    pub moves: Vec<(&'a Competitor, Vec<&'a Move>)>,
    pub quiet: Vec<&'a Competitor>,
    pub price_flags: Vec<PriceFlag<'a>>,
    pub threshold: Rate,
    /// The persona the comparison scores with: complete, or none.
    pub persona: Option<&'a Persona>,
    /// Best first; unscored competitors last, in their own order.
    pub scores: Vec<ScoreRow<'a>>,
}

impl Situation {
    /// The brief for `month`. `persona` picks whose decision factors score the
    /// competitors; without one (or if it is incomplete) the first complete
    /// persona is used, and with none the comparison is left out.
    pub fn brief(&self, month: Month, persona: Option<super::ItemId>) -> Brief<'_> {
        let mut moves = Vec::new();
        let mut quiet = Vec::new();
        let mut price_flags = Vec::new();
        for competitor in &self.competitors {
            let mut in_month: Vec<&Move> = competitor.moves.iter().filter(|m| month.contains(m.date)).collect();
            sort_by_rank(&mut in_month, |m| (day(m.date), 0));
            for m in &in_month {
                let Some(change) = m.price_change() else { continue };
                // At exactly the threshold counts: "5% or more" is the rule.
                if change.0.abs() >= self.price_threshold.0 && change.0 != 0 {
                    price_flags.push(PriceFlag {
                        competitor,
                        price_move: m,
                        change,
                        direction: if change.0 > 0 {
                            PriceDirection::Up
                        } else {
                            PriceDirection::Down
                        },
                    });
                }
            }
            if in_month.is_empty() {
                quiet.push(competitor);
            } else {
                moves.push((competitor, in_month));
            }
        }
        let chosen = persona.and_then(|id| self.persona(id)).filter(|p| p.is_complete());
        let persona = chosen.or_else(|| self.personas.iter().find(|p| p.is_complete()));
        let mut scores: Vec<ScoreRow> = match persona {
            Some(p) => self
                .competitors
                .iter()
                .map(|c| ScoreRow {
                    competitor: c,
                    score: p.weighted_score(&c.scores),
                })
                .collect(),
            None => Vec::new(),
        };
        // Stable: equal scores keep the database's order.
        sort_by_rank(&mut scores, |row| (-row.score.map_or(0, |s| i64::from(s) + 1), 0));
        Brief {
            month,
            moves,
            quiet,
            price_flags,
            threshold: self.price_threshold,
            persona,
            scores,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource, ItemId};
    use crate::domain::core::money::Money;
    use crate::domain::core::period::PeriodKind;
    use crate::domain::situation::{DecisionFactor, MoveKind, Score};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn price(ids: &mut CountingIds, date: NaiveDate, old: i64, new: i64) -> Move {
        Move {
            id: ids.item_id(),
            date,
            kind: MoveKind::Price,
            text: String::new(),
            old_price: Some(Money::from_yuan(old)),
            new_price: Some(Money::from_yuan(new)),
        }
    }

    fn situation(ids: &mut CountingIds) -> (Situation, Vec<ItemId>) {
        let mut s = Situation::default();
        let mut a = Competitor::new(ids.item_id(), "A");
        a.moves = vec![
            price(ids, d(2026, 10, 20), 100, 105), // exactly +5%: flagged
            price(ids, d(2026, 10, 2), 100, 96),   // −4%: below the threshold
            price(ids, d(2026, 11, 1), 100, 80),   // next month
            Move {
                id: ids.item_id(),
                date: d(2026, 10, 31),
                kind: MoveKind::Campaign,
                text: "Double 11 warm-up".into(),
                old_price: None,
                new_price: None,
            },
        ];
        let mut b = Competitor::new(ids.item_id(), "B");
        b.moves = vec![price(ids, d(2026, 10, 9), 200, 190)]; // exactly −5%
        let c = Competitor::new(ids.item_id(), "C");
        let mut p = crate::domain::situation::Persona::new(ids.item_id(), "P");
        let factors: Vec<ItemId> = [6_000, 4_000]
            .into_iter()
            .map(|w| {
                let id = ids.item_id();
                p.factors.push(DecisionFactor {
                    id,
                    name: "f".into(),
                    weight: Rate(w),
                });
                id
            })
            .collect();
        let mark = |n| Score::new(n).expect("mark");
        a.scores = [(factors[0], mark(3)), (factors[1], mark(5))].into(); // 3.80
        b.scores = [(factors[0], mark(5)), (factors[1], mark(2))].into(); // 3.80
        s.competitors = vec![a, b, c];
        s.personas.push(p);
        (s, factors)
    }

    #[test]
    fn a_brief_holds_the_months_moves_by_date_and_flags_price_changes_from_five_percent() {
        let mut ids = CountingIds::default();
        let (s, _) = situation(&mut ids);
        let brief = s.brief(Month { year: 2026, month: 10 }, None);
        let (a, a_moves) = &brief.moves[0];
        assert_eq!(a.name, "A");
        let dates: Vec<_> = a_moves.iter().map(|m| m.date).collect();
        assert_eq!(dates, vec![d(2026, 10, 2), d(2026, 10, 20), d(2026, 10, 31)]);
        assert_eq!(
            brief.quiet.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
            vec!["C"]
        );
        let flags: Vec<_> = brief
            .price_flags
            .iter()
            .map(|f| (f.competitor.name.as_str(), f.change, f.direction))
            .collect();
        assert_eq!(
            flags,
            vec![
                ("A", Rate(500), PriceDirection::Up),
                ("B", Rate(-500), PriceDirection::Down)
            ]
        );
    }

    #[test]
    fn the_threshold_is_the_plans_own() {
        let mut ids = CountingIds::default();
        let (mut s, _) = situation(&mut ids);
        s.price_threshold = Rate(400);
        let brief = s.brief(Month { year: 2026, month: 10 }, None);
        assert_eq!(brief.price_flags.len(), 3, "−4% now counts too");
    }

    #[test]
    fn competitors_are_scored_by_the_weighted_factors_best_first() {
        let mut ids = CountingIds::default();
        let (s, _) = situation(&mut ids);
        let brief = s.brief(Month { year: 2026, month: 10 }, None);
        let rows: Vec<_> = brief
            .scores
            .iter()
            .map(|r| (r.competitor.name.as_str(), r.score))
            .collect();
        // A: 3×.6 + 5×.4 = 3.80; B: 5×.6 + 2×.4 = 3.80; C has no marks.
        assert_eq!(rows, vec![("A", Some(380)), ("B", Some(380)), ("C", None)]);
    }

    #[test]
    fn an_incomplete_persona_scores_nothing() {
        let mut ids = CountingIds::default();
        let (mut s, _) = situation(&mut ids);
        s.personas[0].factors[1].weight = Rate(3_000);
        let pid = s.personas[0].id;
        let brief = s.brief(Month { year: 2026, month: 10 }, Some(pid));
        assert_eq!(brief.persona, None);
        assert!(brief.scores.is_empty());
    }

    #[test]
    fn a_plans_months_run_from_its_start_to_its_end() {
        let p = Period::starting_from(PeriodKind::Quarter, d(2026, 11, 2));
        let codes: Vec<_> = Month::of_period(&p).into_iter().map(Month::code).collect();
        assert_eq!(codes, vec!["2026-10", "2026-11", "2026-12"]);
        assert_eq!(Month::parse("2026-12"), Some(Month { year: 2026, month: 12 }));
        assert_eq!(Month::parse("2026-13"), None);
        assert_eq!(Month { year: 2026, month: 12 }.next(), Month { year: 2027, month: 1 });
    }
}
