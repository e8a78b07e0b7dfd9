//! Writing outcome assessments: opening a round, a rater's submission, an editor's
//! reconciliation, closing a round, and copying a frozen framework into a new version. Every
//! method checks everything before it writes, and reports every problem with the field it belongs
//! to ([`ApplyError::Fields`]); nothing is written when one is found.

use nmp_core::ValidationError;
use nmp_core::date::{DatePrecision, PartialDate};
use nmp_core::vocab::RoundState;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::entity::{
    account, assessment_round, citation, consensus, criterion, criterion_level, edition, framework, initiative,
    mechanism, rating, rating_evidence, round_rater, round_target, source,
};
use crate::records::Change;
use crate::records::apply::ApplyError;
use crate::records::schema::FieldErrors;
use crate::{Set, StoreError, Writer};

type Result<T> = std::result::Result<T, ApplyError>;

/// A new round, as the editor's form gives it.
#[derive(Clone, Debug, Default)]
pub struct NewRound {
    /// The edition (slug).
    pub edition: String,
    /// The framework version.
    pub framework_id: i32,
    /// Title for staff.
    pub title: String,
    /// Due date, `YYYY-MM-DD`.
    pub due_on: String,
    /// Instructions for the raters.
    pub note: Option<String>,
    /// Initiatives to rate (slugs).
    pub initiatives: Vec<String>,
    /// Mechanisms to rate (slugs).
    pub mechanisms: Vec<String>,
    /// Countries to assess (ISO3 codes): a qualitative risk assessment.
    pub countries: Vec<String>,
    /// The date a country assessment stands for, `YYYY-MM-DD` (needed with `countries`).
    pub assessed_on: Option<String>,
    /// Raters (account ids), in the order their pseudonyms are given (`R1`, `R2`, ...).
    pub raters: Vec<i32>,
}

/// One piece of evidence as a form gives it: a source by its slug, a locator, a quote.
#[derive(Clone, Debug, Default)]
pub struct EvidenceInput {
    /// The source's slug.
    pub source: String,
    /// Where in the source.
    pub locator: Option<String>,
    /// The source's words.
    pub quote: Option<String>,
}

/// A rater's rating of one criterion.
#[derive(Clone, Debug, Default)]
pub struct RatingInput {
    /// The criterion.
    pub criterion_id: i32,
    /// The level chosen (`None` when the form left it empty).
    pub level_id: Option<i32>,
    /// The trend (a `RiskTrend` code): required for a country, refused for anything else.
    pub trend: Option<String>,
    /// Why.
    pub rationale: String,
    /// At least one piece of evidence.
    pub evidence: Vec<EvidenceInput>,
}

/// An editor's consensus for one target and criterion.
#[derive(Clone, Debug, Default)]
pub struct Reconciliation {
    /// The target.
    pub round_target_id: i32,
    /// The criterion.
    pub criterion_id: i32,
    /// The consensus level (`None` when the form left it empty).
    pub level_id: Option<i32>,
    /// The consensus trend (a `RiskTrend` code): required for a country, refused otherwise.
    pub trend: Option<String>,
    /// Why.
    pub rationale: String,
    /// At least one piece of evidence.
    pub evidence: Vec<EvidenceInput>,
    /// The version of the consensus the editor saw (`None`: there was none).
    pub base_version: Option<i32>,
}

pub(super) fn field(errors: &mut FieldErrors, name: impl Into<String>, message: impl Into<String>) {
    errors.push(ValidationError::new(name, message));
}

fn done(errors: FieldErrors) -> Result<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApplyError::Fields(errors))
    }
}

fn not_found(entity: &str, key: impl ToString) -> ApplyError {
    ApplyError::Store(StoreError::NotFound {
        entity: entity.into(),
        key: key.to_string(),
    })
}

fn clean(text: &Option<String>) -> Option<String> {
    text.as_ref().map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

impl Writer {
    /// Opens a round; returns its id.
    pub async fn open_round(&mut self, new: &NewRound, opened_by: Option<i32>) -> Result<i32> {
        let mut errors = FieldErrors::new();
        let edition = edition::Entity::find()
            .filter(edition::Column::Slug.eq(new.edition.as_str()))
            .one(self.conn())
            .await?;
        if edition.is_none() {
            field(&mut errors, "edition", format!("there is no edition {:?}", new.edition));
        }
        let framework = self.framework_on(new.framework_id).await?;
        match &framework {
            None => field(
                &mut errors,
                "framework_id",
                format!("there is no framework {}", new.framework_id),
            ),
            Some(f) if f.criteria.is_empty() => field(&mut errors, "framework_id", "this framework has no criteria"),
            Some(f) => {
                for c in f.criteria.iter().filter(|c| c.levels.len() < 2) {
                    field(
                        &mut errors,
                        "framework_id",
                        format!("criterion \"{}\" has fewer than two levels", c.row.label),
                    );
                }
            }
        }
        if new.title.trim().is_empty() {
            field(&mut errors, "title", "give the round a title");
        }
        match PartialDate::parse("due_on", &new.due_on) {
            Ok(d) if d.precision == DatePrecision::Day => {}
            Ok(_) => field(&mut errors, "due_on", "give a day: YYYY-MM-DD"),
            Err(e) => errors.push(e),
        }
        let mut initiatives = Vec::new();
        for slug in &new.initiatives {
            match initiative::Entity::find()
                .filter(initiative::Column::Slug.eq(slug.as_str()))
                .one(self.conn())
                .await?
            {
                Some(i) if !initiatives.contains(&i.initiative_id) => initiatives.push(i.initiative_id),
                Some(_) => field(&mut errors, "initiatives", format!("{slug:?} is listed twice")),
                None => field(&mut errors, "initiatives", format!("there is no initiative {slug:?}")),
            }
        }
        let mut mechanisms = Vec::new();
        for slug in &new.mechanisms {
            match mechanism::Entity::find()
                .filter(mechanism::Column::Slug.eq(slug.as_str()))
                .one(self.conn())
                .await?
            {
                Some(m) if !mechanisms.contains(&m.mechanism_id) => mechanisms.push(m.mechanism_id),
                Some(_) => field(&mut errors, "mechanisms", format!("{slug:?} is listed twice")),
                None => field(&mut errors, "mechanisms", format!("there is no mechanism {slug:?}")),
            }
        }
        let (countries, assessed_on) = self.round_countries(&mut errors, new).await?;
        if initiatives.is_empty() && mechanisms.is_empty() && countries.is_empty() && errors.is_empty() {
            field(
                &mut errors,
                "initiatives",
                "choose at least one initiative, mechanism or country to rate",
            );
        }
        let mut raters = Vec::new();
        for id in &new.raters {
            match account::Entity::find_by_id(*id).one(self.conn()).await? {
                Some(a) if !a.active => field(&mut errors, "raters", format!("{} is deactivated", a.email)),
                Some(_) if raters.contains(id) => field(&mut errors, "raters", "a rater is listed twice"),
                Some(_) => raters.push(*id),
                None => field(&mut errors, "raters", format!("there is no account {id}")),
            }
        }
        if raters.len() < 2 {
            field(
                &mut errors,
                "raters",
                "choose at least two raters: agreement needs two independent ratings",
            );
        }
        done(errors)?;
        let edition = edition.ok_or_else(|| not_found("edition", &new.edition))?;
        self.ensure_editable(edition.edition_id, "assessment_round", "(new)")
            .await?;
        let round = self
            .insert(assessment_round::ActiveModel {
                edition_id: Set(edition.edition_id),
                framework_id: Set(new.framework_id),
                title: Set(new.title.trim().to_string()),
                due_on: Set(new.due_on.trim().to_string()),
                state: Set(RoundState::Open.code().to_string()),
                release_ratings: Set(false),
                note: Set(clean(&new.note)),
                opened_by: Set(opened_by),
                ..Default::default()
            })
            .await?;
        let id = round.assessment_round_id;
        for i in initiatives {
            self.insert(round_target::ActiveModel {
                assessment_round_id: Set(id),
                initiative_id: Set(Some(i)),
                mechanism_id: Set(None),
                country_iso3: Set(None),
                assessed_on: Set(None),
                ..Default::default()
            })
            .await?;
        }
        for m in mechanisms {
            self.insert(round_target::ActiveModel {
                assessment_round_id: Set(id),
                initiative_id: Set(None),
                mechanism_id: Set(Some(m)),
                country_iso3: Set(None),
                assessed_on: Set(None),
                ..Default::default()
            })
            .await?;
        }
        for iso3 in countries {
            self.insert(round_target::ActiveModel {
                assessment_round_id: Set(id),
                initiative_id: Set(None),
                mechanism_id: Set(None),
                country_iso3: Set(Some(iso3)),
                assessed_on: Set(assessed_on.clone()),
                ..Default::default()
            })
            .await?;
        }
        for (n, account_id) in raters.into_iter().enumerate() {
            self.insert(round_rater::ActiveModel {
                assessment_round_id: Set(id),
                account_id: Set(account_id),
                pseudonym: Set(format!("R{}", n + 1)),
                ..Default::default()
            })
            .await?;
        }
        Ok(id)
    }

    /// The round of a target, refusing when the round is closed or its edition published.
    async fn open_round_of(&self, round_target_id: i32) -> Result<(round_target::Model, assessment_round::Model)> {
        let target = round_target::Entity::find_by_id(round_target_id)
            .one(self.conn())
            .await?
            .ok_or_else(|| not_found("round_target", round_target_id))?;
        let round = assessment_round::Entity::find_by_id(target.assessment_round_id)
            .one(self.conn())
            .await?
            .ok_or_else(|| not_found("assessment_round", target.assessment_round_id))?;
        self.ensure_editable(
            round.edition_id,
            "assessment_round",
            &round.assessment_round_id.to_string(),
        )
        .await?;
        Ok((target, round))
    }

    /// A rater's ratings of every criterion of one target, submitted at once and only once.
    pub async fn submit_ratings(
        &mut self,
        round_target_id: i32,
        account_id: i32,
        inputs: &[RatingInput],
    ) -> Result<()> {
        let (target, round) = self.open_round_of(round_target_id).await?;
        let mut errors = FieldErrors::new();
        if round.state != RoundState::Open.code() {
            field(&mut errors, "round", "this round is closed: it takes no more ratings");
        }
        let rater = round_rater::Entity::find()
            .filter(round_rater::Column::AssessmentRoundId.eq(round.assessment_round_id))
            .filter(round_rater::Column::AccountId.eq(account_id))
            .one(self.conn())
            .await?;
        let Some(rater) = rater else {
            field(&mut errors, "rater", "you are not a rater of this round");
            return Err(ApplyError::Fields(errors));
        };
        let already = rating::Entity::find()
            .filter(rating::Column::RoundTargetId.eq(target.round_target_id))
            .filter(rating::Column::RoundRaterId.eq(rater.round_rater_id))
            .one(self.conn())
            .await?;
        if already.is_some() {
            field(
                &mut errors,
                "ratings",
                "you have already submitted your ratings of this target; a submission cannot be changed or repeated",
            );
            return Err(ApplyError::Fields(errors));
        }
        let framework = self
            .framework_on(round.framework_id)
            .await?
            .ok_or_else(|| not_found("framework", round.framework_id))?;
        for input in inputs {
            if framework.criterion(input.criterion_id).is_none() {
                field(
                    &mut errors,
                    format!("criterion {}", input.criterion_id),
                    "is not a criterion of this round's framework",
                );
            }
        }
        let mut checked = Vec::new();
        for c in &framework.criteria {
            let code = &c.row.code;
            let given: Vec<&RatingInput> = inputs.iter().filter(|i| i.criterion_id == c.row.criterion_id).collect();
            let input = match given.as_slice() {
                [] => {
                    field(
                        &mut errors,
                        format!("{code}.level"),
                        format!("rate \"{}\"", c.row.label),
                    );
                    continue;
                }
                [one] => *one,
                _ => {
                    field(&mut errors, format!("{code}.level"), "rated twice in one submission");
                    continue;
                }
            };
            match input.level_id {
                None => field(
                    &mut errors,
                    format!("{code}.level"),
                    format!("choose a level of \"{}\"", c.row.label),
                ),
                Some(id) if c.level(id).is_none() => field(
                    &mut errors,
                    format!("{code}.level"),
                    format!("level {id} is not one of the levels of \"{}\"", c.row.label),
                ),
                Some(_) => {}
            }
            let trend = super::country::check_trend(
                &mut errors,
                &format!("{code}.trend"),
                target.country_iso3.is_some(),
                &input.trend,
            );
            if input.rationale.trim().is_empty() {
                field(
                    &mut errors,
                    format!("{code}.rationale"),
                    "give the reason for the level",
                );
            }
            let evidence = self.check_evidence(&mut errors, code, &input.evidence).await?;
            checked.push((
                c.row.criterion_id,
                input.level_id,
                trend,
                input.rationale.trim().to_string(),
                evidence,
            ));
        }
        done(errors)?;
        for (criterion_id, level_id, trend, rationale, evidence) in checked {
            let row = self
                .insert(rating::ActiveModel {
                    round_target_id: Set(target.round_target_id),
                    criterion_id: Set(criterion_id),
                    round_rater_id: Set(rater.round_rater_id),
                    criterion_level_id: Set(level_id.unwrap_or_default()),
                    rationale: Set(rationale),
                    trend: Set(trend),
                    ..Default::default()
                })
                .await?;
            for (source_id, locator, quote) in evidence {
                self.insert(rating_evidence::ActiveModel {
                    rating_id: Set(row.rating_id),
                    source_id: Set(source_id),
                    locator: Set(locator),
                    quote: Set(quote),
                    ..Default::default()
                })
                .await?;
            }
        }
        Ok(())
    }

    /// Checks evidence (at least one, each naming a source that exists) and resolves the sources.
    async fn check_evidence(
        &self,
        errors: &mut FieldErrors,
        prefix: &str,
        evidence: &[EvidenceInput],
    ) -> Result<Vec<(i32, Option<String>, Option<String>)>> {
        let mut out = Vec::new();
        let given: Vec<&EvidenceInput> = evidence
            .iter()
            .filter(|e| !e.source.trim().is_empty() || clean(&e.locator).is_some() || clean(&e.quote).is_some())
            .collect();
        if given.is_empty() {
            field(
                errors,
                format!("{prefix}.evidence"),
                "give at least one piece of evidence: a source, and where in it",
            );
        }
        for (n, e) in given.into_iter().enumerate() {
            let slug = e.source.trim();
            if slug.is_empty() {
                field(
                    errors,
                    format!("{prefix}.evidence.{}.source", n + 1),
                    "choose the source",
                );
                continue;
            }
            match source::Entity::find()
                .filter(source::Column::Slug.eq(slug))
                .one(self.conn())
                .await?
            {
                Some(s) => out.push((s.source_id, clean(&e.locator), clean(&e.quote))),
                None => field(
                    errors,
                    format!("{prefix}.evidence.{}.source", n + 1),
                    format!("there is no source {slug:?}"),
                ),
            }
        }
        Ok(out)
    }

    /// Records (or replaces) the consensus of one target and criterion, with its evidence as
    /// citations. A consensus saved since `base_version` is a conflict, and nothing is written.
    pub async fn reconcile(&mut self, input: &Reconciliation, editor: Option<i32>) -> Result<i32> {
        let (target, round) = self.open_round_of(input.round_target_id).await?;
        let framework = self
            .framework_on(round.framework_id)
            .await?
            .ok_or_else(|| not_found("framework", round.framework_id))?;
        let mut errors = FieldErrors::new();
        let Some(criterion) = framework.criterion(input.criterion_id) else {
            field(&mut errors, "criterion", "is not a criterion of this round's framework");
            return Err(ApplyError::Fields(errors));
        };
        let rated = rating::Entity::find()
            .filter(rating::Column::RoundTargetId.eq(target.round_target_id))
            .filter(rating::Column::CriterionId.eq(input.criterion_id))
            .one(self.conn())
            .await?;
        if rated.is_none() {
            field(
                &mut errors,
                "criterion",
                format!(
                    "nobody has rated \"{}\" for this target yet: there is nothing to reconcile",
                    criterion.row.label
                ),
            );
        }
        match input.level_id {
            None => field(&mut errors, "level", "choose the consensus level"),
            Some(id) if criterion.level(id).is_none() => field(
                &mut errors,
                "level",
                format!("level {id} is not one of the levels of \"{}\"", criterion.row.label),
            ),
            Some(_) => {}
        }
        let trend = super::country::check_trend(&mut errors, "trend", target.country_iso3.is_some(), &input.trend);
        if input.rationale.trim().is_empty() {
            field(&mut errors, "rationale", "give the reason for the consensus");
        }
        let evidence = self.check_evidence(&mut errors, "consensus", &input.evidence).await?;
        done(errors)?;
        let existing = consensus::Entity::find()
            .filter(consensus::Column::RoundTargetId.eq(target.round_target_id))
            .filter(consensus::Column::CriterionId.eq(input.criterion_id))
            .one(self.conn())
            .await?;
        let level = input.level_id.unwrap_or_default();
        let rationale = input.rationale.trim().to_string();
        let row = match (existing, input.base_version) {
            (Some(current), base) => {
                let expected = base.unwrap_or(0);
                if expected != current.version {
                    return Err(ApplyError::Store(StoreError::Conflict {
                        entity: "consensus".into(),
                        key: current.consensus_id.to_string(),
                        expected,
                        current: current.version,
                    }));
                }
                self.update::<consensus::Entity>(current.consensus_id, current.version, |row| {
                    row.criterion_level_id = Set(level);
                    row.rationale = Set(rationale);
                    row.decided_by = Set(editor);
                    row.trend = Set(trend);
                })
                .await?
            }
            (None, Some(base)) => {
                return Err(ApplyError::Store(StoreError::NotFound {
                    entity: "consensus".into(),
                    key: format!("(version {base}; it was removed)"),
                }));
            }
            (None, None) => self
                .insert(consensus::ActiveModel {
                    round_target_id: Set(target.round_target_id),
                    criterion_id: Set(input.criterion_id),
                    criterion_level_id: Set(level),
                    rationale: Set(rationale),
                    decided_by: Set(editor),
                    trend: Set(trend),
                    ..Default::default()
                })
                .await
                .map_err(|e| unique_is_conflict(e, "consensus"))?,
        };
        let key = row.consensus_id.to_string();
        let old = citation::Entity::find()
            .filter(citation::Column::Entity.eq("consensus"))
            .filter(citation::Column::EntityId.eq(key.as_str()))
            .all(self.conn())
            .await?;
        for c in old {
            self.delete::<citation::Entity>(c.citation_id, c.version).await?;
        }
        for (source_id, locator, quote) in evidence {
            self.insert(citation::ActiveModel {
                source_id: Set(source_id),
                entity: Set("consensus".into()),
                entity_id: Set(key.clone()),
                field: Set(None),
                locator: Set(locator),
                quote: Set(quote),
                ..Default::default()
            })
            .await?;
        }
        Ok(row.consensus_id)
    }

    /// Closes or reopens a round, and sets whether its individual ratings are released.
    pub async fn set_round_state(
        &mut self,
        round_id: i32,
        version: i32,
        state: RoundState,
        release_ratings: bool,
    ) -> Result<()> {
        let round = assessment_round::Entity::find_by_id(round_id)
            .one(self.conn())
            .await?
            .ok_or_else(|| not_found("assessment_round", round_id))?;
        self.ensure_editable(round.edition_id, "assessment_round", &round_id.to_string())
            .await?;
        self.update::<assessment_round::Entity>(round_id, version, |row| {
            row.state = Set(state.code().to_string());
            row.release_ratings = Set(release_ratings);
        })
        .await?;
        Ok(())
    }

    /// Copies framework version `framework_id` (its criteria and levels) into the next version of
    /// the same framework; returns the new version's id.
    pub async fn copy_framework(&mut self, framework_id: i32) -> Result<i32> {
        let from = self
            .framework_on(framework_id)
            .await?
            .ok_or_else(|| not_found("framework", framework_id))?;
        let latest = framework::Entity::find()
            .filter(framework::Column::Slug.eq(from.row.slug.as_str()))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|f| f.framework_version)
            .max()
            .unwrap_or(from.row.framework_version);
        let copy = self
            .insert(framework::ActiveModel {
                slug: Set(from.row.slug.clone()),
                framework_version: Set(latest + 1),
                title: Set(from.row.title.clone()),
                description: Set(from.row.description.clone()),
                note: Set(Some(format!("Copied from version {}.", from.row.framework_version))),
                ..Default::default()
            })
            .await?;
        for c in &from.criteria {
            let row = self
                .insert(criterion::ActiveModel {
                    framework_id: Set(copy.framework_id),
                    code: Set(c.row.code.clone()),
                    position: Set(c.row.position),
                    label: Set(c.row.label.clone()),
                    description: Set(c.row.description.clone()),
                    category: Set(c.row.category.clone()),
                    note: Set(c.row.note.clone()),
                    ..Default::default()
                })
                .await?;
            self.copy_indicators(c.row.criterion_id, row.criterion_id).await?;
            for l in &c.levels {
                self.insert(criterion_level::ActiveModel {
                    criterion_id: Set(row.criterion_id),
                    rank: Set(l.rank),
                    label: Set(l.label.clone()),
                    descriptor: Set(l.descriptor.clone()),
                    ..Default::default()
                })
                .await?;
            }
        }
        Ok(copy.framework_id)
    }

    /// Refuses a records-editor change to a frozen framework version, its criteria or levels.
    pub(crate) async fn check_framework_frozen(&self, change: &Change) -> Result<()> {
        let mut frameworks = Vec::new();
        let key = change.key;
        let given = |name: &str| {
            change
                .fields
                .get(name)
                .and_then(serde_json::Value::as_i64)
                .map(|v| v as i32)
        };
        match change.table.as_str() {
            "framework" => frameworks.extend(key),
            "criterion" => {
                if let Some(k) = key
                    && let Some(c) = criterion::Entity::find_by_id(k).one(self.conn()).await?
                {
                    frameworks.push(c.framework_id);
                }
                frameworks.extend(given("framework_id"));
            }
            "criterion_level" => {
                let mut criteria: Vec<i32> = given("criterion_id").into_iter().collect();
                if let Some(k) = key
                    && let Some(l) = criterion_level::Entity::find_by_id(k).one(self.conn()).await?
                {
                    criteria.push(l.criterion_id);
                }
                for c in criteria {
                    if let Some(c) = criterion::Entity::find_by_id(c).one(self.conn()).await? {
                        frameworks.push(c.framework_id);
                    }
                }
            }
            _ => return Ok(()),
        }
        for id in frameworks {
            if crate::outcomes::read::framework_frozen(self.conn(), id).await? {
                let name = framework::Entity::find_by_id(id)
                    .one(self.conn())
                    .await?
                    .map(|f| format!("{} version {}", f.slug, f.framework_version))
                    .unwrap_or_else(|| id.to_string());
                return Err(ApplyError::Fields(vec![ValidationError::new(
                    "framework_id",
                    format!(
                        "framework {name} is frozen: submitted ratings use it. Make a new version (\"Copy as a new version\") and change that"
                    ),
                )]));
            }
        }
        Ok(())
    }

    async fn framework_on(&self, id: i32) -> std::result::Result<Option<super::Framework>, StoreError> {
        crate::outcomes::read::framework_on(self.conn(), id).await
    }
}

/// A unique-index violation on insert is someone else's row saved first: a conflict.
fn unique_is_conflict(e: StoreError, entity: &str) -> StoreError {
    let text = e.to_string().to_lowercase();
    if text.contains("unique") || text.contains("duplicate") {
        StoreError::Conflict {
            entity: entity.into(),
            key: "(new)".into(),
            expected: 0,
            current: 1,
        }
    } else {
        e
    }
}
