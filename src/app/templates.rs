//! The plan templates as the new-plan form and the empty library offer
//! them: names, what each fills, and the job that fills a plan (the
//! templates' words live in the lazily loaded files module).

use crate::domain::plan::templates::Template;
use crate::domain::plan::Plan;
use crate::i18n::{Key, Lang};
use crate::lazy::Job;
use crate::storage::format::{decode_import, FileError};

pub fn template_name(t: Template) -> Key {
    match t {
        Template::Annual => Key::TplNameAnnual,
        Template::Launch => Key::TplNameLaunch,
        Template::DataDriven => Key::TplNameDataDriven,
        Template::Experience => Key::TplNameExperience,
        Template::Innovation => Key::TplNameInnovation,
        Template::Supervisor => Key::TplNameSupervisor,
        Template::ThreePhase => Key::TplNameThreePhase,
        Template::Quarterly => Key::TplNameQuarterly,
    }
}

pub fn template_about(t: Template) -> Key {
    match t {
        Template::Annual => Key::TplAboutAnnual,
        Template::Launch => Key::TplAboutLaunch,
        Template::DataDriven => Key::TplAboutDataDriven,
        Template::Experience => Key::TplAboutExperience,
        Template::Innovation => Key::TplAboutInnovation,
        Template::Supervisor => Key::TplAboutSupervisor,
        Template::ThreePhase => Key::TplAboutThreePhase,
        Template::Quarterly => Key::TplAboutQuarterly,
    }
}

/// The job that fills `plan` (new, from the form or the one-click
/// buttons) from the template in `lang`, with ids from `seed`.
pub fn template_job(template: Template, lang: Lang, plan: Plan, seed: [u8; 16]) -> Job {
    Job::Template {
        template: template.code().to_owned(),
        lang: lang.tag().to_owned(),
        plan: Box::new(plan),
        seed,
    }
}

/// The filled plan from the module's answer, read like an imported file.
pub fn read_filled(bytes: &[u8]) -> Result<Plan, FileError> {
    let text = String::from_utf8_lossy(bytes);
    let mut plans = decode_import(&text)?;
    Ok(plans.remove(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::core::ids::{CountingIds, IdSource};
    use crate::domain::core::period::Period;
    use crate::domain::plan::Currency;
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_template_job_comes_back_as_the_filled_plan() {
        let now = Utc.with_ymd_and_hms(2026, 12, 4, 8, 0, 0).unwrap();
        let period = Period::starting_from(Template::Launch.period_kind(), now.date_naive());
        let plan = Plan::new(
            CountingIds::default().plan_id(),
            "Launch",
            "",
            period,
            Currency::default(),
            now,
        )
        .unwrap();
        let id = plan.id;
        let job = template_job(Template::Launch, Lang::ZhCn, plan, [1; 16]);
        let filled = read_filled(&crate::lazy::run(&job.request()).unwrap()).unwrap();
        assert_eq!((filled.id, filled.name.as_str()), (id, "Launch"));
        assert_eq!(filled.implementation.phases[0].name, "预热期");
        assert!(read_filled(b"not a file").is_err());
        for t in Template::ALL {
            assert_ne!(template_name(t), template_about(t));
        }
    }
}
