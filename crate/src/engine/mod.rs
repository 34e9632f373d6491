//! Compiling a rule pack once and checking texts many times.
//!
//! Terms of all rules go into one Aho-Corasick automaton per view (Bangla,
//! Latin, Banglish skeleton), searched with overlapping matches so that no
//! rule hides another. Regexes run as one `RegexSet` pass over the regex view,
//! and only the regexes that matched are then searched for their spans.
//! Proximity and exceptions are resolved on the matches with sorted sweeps and
//! binary searches, so a check stays (near) linear in the text length.

mod build;
pub(crate) mod morph;
pub(crate) mod prefilter;
pub(crate) mod scan;
mod spans;
pub(crate) mod views;
mod words;

use crate::model::{Category, Context, Finding, Report, Severity, Summary};
use crate::rules::literals::prefilter_literals;
use crate::rules::{compile_regex, PackError, Problem, Rule, RuleInfo, RulePack, Terms};
use crate::stance::{Level, Stance, StanceModel};
use prefilter::RegexPrefilter;
use scan::{Hits, Role, Script, Use, ViewMatcher};
use spans::SpanSet;
use std::sync::{Arc, OnceLock};
use words::{words_between, WordIndex};

/// Why an engine could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    /// The pack has problems.
    #[error(transparent)]
    Pack(#[from] PackError),
    /// The term automaton for a view could not be built (e.g. too large).
    #[error("could not build the {view} term matcher: {reason}")]
    Terms {
        /// The view: `Bangla`, `English` or `Banglish`.
        view: &'static str,
        /// The reason given by the matcher.
        reason: String,
    },
}

/// A compiled rule pack, ready to check texts. Cheap to share; checking
/// does not mutate it.
#[derive(Debug)]
pub struct Engine {
    rules: Vec<Rule>,
    views: Vec<ViewMatcher>,
    prefilter: RegexPrefilter,
    /// For each regex of the prefilter: its rule, what a match means to the
    /// rule (a candidate finding or one side of a `near`), and the regex,
    /// compiled on first use.
    regexes: Vec<(u32, Role, LazyRegex)>,
    /// For each `model` matcher: its rule, what a driver word means to the
    /// rule, the class and the threshold it needs.
    model_uses: Vec<(u32, Role, Stance, Level)>,
    /// The stance model, when a rule uses it and it is switched on.
    stance: Option<Arc<StanceModel>>,
}

/// A regex compiled the first time a text may match it. Building an engine
/// stays fast and small; a pattern that fails to compile never matches
/// (packs are validated before they get here).
#[derive(Debug)]
struct LazyRegex {
    pattern: String,
    compiled: OnceLock<Option<regex::Regex>>,
}

impl LazyRegex {
    fn get(&self) -> Option<&regex::Regex> {
        self.compiled
            .get_or_init(|| compile_regex(&self.pattern).ok())
            .as_ref()
    }
}

/// Sentinel rule number for global allowed terms.
const ALLOW: u32 = u32::MAX;

impl Engine {
    /// Builds the engine from the embedded default pack.
    pub fn default_pack() -> Result<Engine, EngineError> {
        match crate::snapshot::embedded() {
            Some(state) => {
                let (pack, base) = Base::split(state);
                Engine::from_parts(pack, &Terms::default(), Some(base))
            }
            None => Engine::from_pack(RulePack::default_pack()?, &Terms::default()),
        }
    }

    /// Builds an engine from one stand-alone pack text (as `--rules FILE`);
    /// the default pack's sets may be used, its rules are not included.
    pub fn from_source(name: &str, toml: &str) -> Result<Engine, EngineError> {
        let base = RulePack::default_pack().ok();
        let pack = RulePack::standalone(name, toml, base.as_ref())?;
        Engine::from_pack(pack, &Terms::default())
    }

    /// Compiles a validated pack. `allowed` terms are never flagged by any rule.
    pub fn from_pack(pack: RulePack, allowed: &Terms) -> Result<Engine, EngineError> {
        Engine::from_parts(pack, allowed, None)
    }

    /// Compiles a pack; `base`, when given, already holds the terms and regex
    /// literals of the pack's first `base.rules` rules.
    fn from_parts(
        pack: RulePack,
        allowed: &Terms,
        base: Option<Base>,
    ) -> Result<Engine, EngineError> {
        let (mut builders, done, mut literals) = match base {
            Some(b) => (b.builders, b.rules, b.literals),
            None => (new_builders(), 0, Vec::new()),
        };
        let mut regexes = Vec::new();
        let mut model_uses = Vec::new();
        for (i, rule) in pack.rules.iter().enumerate() {
            let rule_no = u32::try_from(i).unwrap_or(ALLOW - 1);
            if i >= done {
                add_rule_terms(&mut builders, rule, rule_no);
            }
            for (pattern, role) in rule_regexes(rule) {
                let lazy = LazyRegex {
                    pattern: pattern.clone(),
                    compiled: OnceLock::new(),
                };
                regexes.push((rule_no, role, lazy));
            }
            for &stance in &rule.model {
                model_uses.push((rule_no, Role::Term, stance, Level::Alone));
            }
            for (n, near) in rule.near.iter().enumerate() {
                let n = u16::try_from(n).unwrap_or(u16::MAX);
                for &stance in &near.a_model {
                    model_uses.push((rule_no, Role::NearA(n), stance, Level::Framed));
                }
                for &stance in &near.b_model {
                    model_uses.push((rule_no, Role::NearB(n), stance, Level::Framed));
                }
            }
        }
        add_terms(&mut builders, allowed, Use::new(ALLOW, Role::Allow));

        let mut views = Vec::with_capacity(3);
        for b in builders {
            views.push(b.build()?);
        }
        // The precomputed literals are those of the first `done` rules'
        // regexes (checked by count); the others (a custom pack's, or all
        // without a snapshot) are computed here.
        let precomputed: usize = pack.rules[..done.min(pack.rules.len())]
            .iter()
            .map(|r| rule_regexes(r).count())
            .sum();
        if literals.len() != precomputed {
            literals.clear();
        }
        let known = literals.len();
        literals.extend(
            regexes[known..]
                .iter()
                .map(|r| prefilter_literals(&r.2.pattern)),
        );
        let prefilter = RegexPrefilter::from_literals(literals);
        let stance = if model_uses.is_empty() {
            None
        } else {
            StanceModel::embedded()
        };
        Ok(Engine {
            rules: pack.rules,
            views,
            prefilter,
            regexes,
            model_uses,
            stance,
        })
    }

    /// An engine with no rules (flags nothing).
    pub fn empty() -> Engine {
        Engine {
            rules: Vec::new(),
            views: Vec::new(),
            prefilter: RegexPrefilter::from_literals(Vec::new()),
            regexes: Vec::new(),
            model_uses: Vec::new(),
            stance: None,
        }
    }

    /// Size of each view's term matcher, for benchmarks: the view's name
    /// (`Bangla`, `English`, `Banglish`), its number of patterns (generated
    /// forms included) and the approximate heap bytes of its automaton and
    /// tables.
    pub fn matcher_sizes(&self) -> Vec<(&'static str, usize, usize)> {
        self.views.iter().map(ViewMatcher::size).collect()
    }

    /// Switches the stance model off (`None`: `model` matchers never match)
    /// or replaces it (e.g. a fold model for cross-validation). An engine
    /// starts with the embedded model when any rule has a `model` matcher.
    pub fn set_stance_model(&mut self, model: Option<Arc<StanceModel>>) {
        self.stance = model.filter(|_| !self.model_uses.is_empty());
    }

    /// True when `model` matchers are active (a rule uses the model and it is on).
    pub fn uses_stance_model(&self) -> bool {
        self.stance.is_some()
    }

    /// The rules, in pack order.
    pub fn rules(&self) -> Vec<RuleInfo> {
        self.rules.iter().map(Rule::info).collect()
    }

    /// The full compiled rules (with matchers and examples), in pack order.
    pub fn pack_rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The literal strings the term automata of an engine built from `pack`
    /// search, per view (`Bangla`, `English`, `Banglish`): folded into the
    /// view's form, generated forms (verb paradigms, English inflections)
    /// included, one per automaton pattern. For measurements
    /// (`crate/examples/pack_terms.rs`, `crate/benches/scan_cost.rs`); collects
    /// terms like [`Engine::from_pack`] (a test keeps the two in step).
    pub fn term_patterns(pack: &RulePack) -> Vec<(&'static str, Vec<String>)> {
        let mut builders = [
            scan::Builder::new(Script::Bangla),
            scan::Builder::new(Script::Latin),
            scan::Builder::new(Script::Skeleton),
        ];
        let u = Use::new(0, Role::Term);
        let mut add = |terms: &Terms| add_terms(&mut builders, terms, u);
        for rule in &pack.rules {
            add(&rule.terms);
            add(&rule.except);
            for near in &rule.near {
                add(&near.a);
                add(&near.b);
            }
        }
        builders
            .into_iter()
            .map(scan::Builder::into_patterns)
            .collect()
    }

    /// Checks one text in a context. Never panics; findings are ordered by
    /// position. Overlapping findings of one category are merged into one
    /// (the union of their spans, with the rule, severity and message of the
    /// most severe), so a phrase caught by a specific rule and by a frame is
    /// underlined and counted once.
    pub fn check(&self, text: &str, context: Context) -> Report {
        let report = self.check_by_rule(text, context);
        if report.findings.len() < 2 {
            return report;
        }
        let findings = merge_same_category(report.findings, text);
        let summary = Summary::of(&findings);
        Report { findings, summary }
    }

    /// Checks one text with every rule's findings kept apart (for a rule's
    /// own examples).
    fn check_by_rule(&self, text: &str, context: Context) -> Report {
        let severities: Vec<Option<Severity>> =
            self.rules.iter().map(|r| r.severity.get(context)).collect();
        let active =
            |rule: u32| rule == ALLOW || severities.get(rule as usize).is_some_and(Option::is_some);
        if !severities.iter().any(Option::is_some) || text.is_empty() {
            return Report::default();
        }

        let norm = views::normalize(text);
        let mut hits = Hits::default();
        for vm in &self.views {
            let view = match vm.script() {
                Script::Bangla => &norm.bangla,
                Script::Latin => &norm.latin,
                Script::Skeleton => &norm.skeleton,
            };
            vm.scan(view, text, &active, &mut hits);
        }
        self.scan_regexes(&norm.regex, text, &active, &mut hits);
        let clauses = self.scan_model(text, &active, &mut hits);

        let mut word_index: Option<WordIndex> = None;
        self.apply_exceptions(&mut hits, text, &mut word_index);
        let mut candidates = std::mem::take(&mut hits.terms);
        self.resolve_near(&mut hits, text, &mut word_index, &clauses, &mut candidates);
        self.findings(text, &severities, candidates)
    }

    fn scan_regexes(
        &self,
        view: &views::View,
        text: &str,
        active: &dyn Fn(u32) -> bool,
        hits: &mut Hits,
    ) {
        if self.regexes.is_empty() {
            return;
        }
        let vt = view.text.as_str();
        let candidates = self.prefilter.candidates(vt);
        for ((rule, role, lazy), may_match) in self.regexes.iter().zip(candidates) {
            if !may_match || !active(*rule) {
                continue;
            }
            let Some(re) = lazy.get() else { continue };
            for m in re.find_iter(vt) {
                if m.start() < m.end() {
                    let (s, e) = view.original_span(m.start(), m.end());
                    if s < e && text.get(s..e).is_some() {
                        hits.push(*rule, *role, s, e);
                    }
                }
            }
        }
    }

    /// Runs the stance model when an active rule uses it: the driver words
    /// of each clause over a class's threshold become hits of every `model`
    /// matcher of that class. Returns the clause spans (empty when the model
    /// did not run), which bound `near` pairs with a `model` side.
    fn scan_model(
        &self,
        text: &str,
        active: &dyn Fn(u32) -> bool,
        hits: &mut Hits,
    ) -> Vec<(usize, usize)> {
        let Some(model) = &self.stance else {
            return Vec::new();
        };
        if !self.model_uses.iter().any(|u| active(u.0)) {
            return Vec::new();
        }
        let clauses = model.analyse(text);
        for &(rule, role, stance, level) in &self.model_uses {
            if !active(rule) {
                continue;
            }
            // A framed stance pairs with the other side of its `near`: that
            // side's matches (the targets) are left out of the score, so a
            // clause that only names a faith or an office does not count.
            let others: Vec<(usize, usize)> = match role {
                Role::NearA(n) | Role::NearB(n) => {
                    let other_is_b = matches!(role, Role::NearA(_));
                    hits.near
                        .iter()
                        .filter(|h| h.0 == rule && h.1 == n && h.2 == other_is_b)
                        .map(|h| (h.3, h.4))
                        .collect()
                }
                _ => Vec::new(),
            };
            if matches!(role, Role::NearA(_) | Role::NearB(_)) && others.is_empty() {
                continue;
            }
            let threshold = model.threshold(stance, level);
            let kept = match role {
                Role::NearA(n) | Role::NearB(n) => self
                    .rules
                    .get(rule as usize)
                    .and_then(|r| r.near.get(n as usize))
                    .map_or(0, |x| x.target_share),
                _ => 0,
            };
            for clause in &clauses {
                let excluded = |s: usize, e: usize| others.iter().any(|o| o.0 < e && s < o.1);
                if let Some(drivers) = clause.drivers(stance, threshold, excluded, kept) {
                    for (s, e) in drivers {
                        hits.push(rule, role, s, e);
                    }
                }
            }
        }
        clauses.into_iter().map(|c| c.span).collect()
    }

    /// Compiles every regex now rather than on first use (e.g. in idle time
    /// after building), so no later check pays for it.
    pub fn warm_up(&self) {
        for (_, _, lazy) in &self.regexes {
            lazy.get();
        }
    }

    /// Pairs `near` hits: for each `a` hit, the closest `b` hit before and after it.
    fn resolve_near(
        &self,
        hits: &mut Hits,
        text: &str,
        word_index: &mut Option<WordIndex>,
        model_clauses: &[(usize, usize)],
        out: &mut Vec<(u32, usize, usize)>,
    ) {
        if hits.near.is_empty() {
            return;
        }
        let words = word_index.get_or_insert_with(|| WordIndex::new(text));
        let mut clauses: Option<ClauseBreaks> = None;
        hits.near.sort_unstable();
        let near = &hits.near;
        let mut i = 0;
        while i < near.len() {
            let (rule, n) = (near[i].0, near[i].1);
            let mut j = i;
            while j < near.len() && near[j].0 == rule && near[j].1 == n {
                j += 1;
            }
            let group = &near[i..j];
            i = j;
            let matcher = self
                .rules
                .get(rule as usize)
                .and_then(|r| r.near.get(n as usize));
            let within = matcher.map_or(0, |x| x.within as usize);
            let same_clause = matcher.is_some_and(|x| x.same_clause);
            let anaphora = matcher.is_some_and(|x| x.anaphora);
            // A pair with a model side must lie inside one of the model's clauses.
            let model_clause =
                matcher.is_some_and(|x| !x.a_model.is_empty() || !x.b_model.is_empty());
            let split = group.partition_point(|h| !h.2);
            let (a_hits, b_hits) = group.split_at(split);
            if a_hits.is_empty() || b_hits.is_empty() {
                continue;
            }
            let mut bs: Vec<((usize, usize), usize, usize)> = b_hits
                .iter()
                .map(|h| (words.words(h.3, h.4), h.3, h.4))
                .collect();
            bs.sort_unstable();
            for a in a_hits {
                let aw = words.words(a.3, a.4);
                let idx = bs.partition_point(|b| b.0 .0 <= aw.1);
                let candidates = [idx.checked_sub(1), Some(idx)];
                let paired = candidates.into_iter().flatten().find_map(|k| {
                    let b = bs.get(k)?;
                    let disjoint = b.2 <= a.3 || b.1 >= a.4;
                    let (s, e) = (a.3.min(b.1), a.4.max(b.2));
                    // Clause breaks are found once per check, and only for `clause` scopes.
                    let one_clause = !same_clause || {
                        let breaks = clauses.get_or_insert_with(|| clause_breaks(text));
                        !breaks.between(a.4.min(b.2), a.3.max(b.1))
                            || (anaphora && carried_by_anaphor(text, breaks, a.4, b.1))
                    };
                    (disjoint
                        && words_between(aw, b.0) <= within
                        && one_clause
                        && (!model_clause || in_one_clause(model_clauses, s, e)))
                    .then_some((s, e))
                });
                if let Some((s, e)) = paired {
                    out.push((rule, s, e));
                }
            }
        }
    }

    /// Drops term and `near` hits cancelled by their rule's exceptions or by
    /// allowed terms. `near` hits are filtered one by one, before pairing.
    fn apply_exceptions(&self, hits: &mut Hits, text: &str, word_index: &mut Option<WordIndex>) {
        if hits.terms.is_empty() && hits.near.is_empty() {
            return;
        }
        if !hits.allow.is_empty() {
            let allow = SpanSet::new(std::mem::take(&mut hits.allow));
            hits.terms.retain(|&(_, s, e)| !allow.overlaps(s, e));
            hits.near.retain(|h| !allow.overlaps(h.3, h.4));
        }
        if hits.except.is_empty() {
            return;
        }
        hits.except.sort_unstable();
        let except = &hits.except;
        // Per rule: its exception spans in bytes (an overlap always cancels)
        // and, when except_within > 0, the same spans in words sorted by
        // their first word, for the nearby test.
        let mut by_rule: Vec<(u32, usize, SpanSet, Vec<NearbyExcept>)> = Vec::new();
        let mut i = 0;
        while i < except.len() {
            let rule = except[i].0;
            let mut j = i;
            while j < except.len() && except[j].0 == rule {
                j += 1;
            }
            let bytes: Vec<(usize, usize)> = except[i..j].iter().map(|x| (x.1, x.2)).collect();
            let within = self
                .rules
                .get(rule as usize)
                .map_or(0, |r| r.except_within as usize);
            let mut nearby = Vec::new();
            if within > 0 {
                let wi = word_index.get_or_insert_with(|| WordIndex::new(text));
                nearby = bytes
                    .iter()
                    .map(|&(s, e)| {
                        let w = wi.words(s, e);
                        NearbyExcept {
                            first_word: w.0,
                            last_word: w.1,
                            start: s,
                            end: e,
                        }
                    })
                    .collect();
                nearby.sort_unstable_by_key(|x| x.first_word);
            }
            by_rule.push((rule, within, SpanSet::new(bytes), nearby));
            i = j;
        }
        let words = word_index.as_ref();
        // An exception a few words away cancels a hit only in the same
        // clause: in a long post, "গোপন রাখা হবে" in one sentence does not
        // excuse a leaked question paper in the next.
        let mut clauses: Option<ClauseBreaks> = None;
        let mut keep = |rule: u32, s: usize, e: usize| -> bool {
            let Ok(k) = by_rule.binary_search_by_key(&rule, |x| x.0) else {
                return true;
            };
            let (_, within, bytes, nearby) = &by_rule[k];
            if bytes.overlaps(s, e) {
                return false;
            }
            let Some(wi) = words.filter(|_| !nearby.is_empty()) else {
                return true;
            };
            let (w0, w1) = wi.words(s, e);
            let lo = w0.saturating_sub(within + 1);
            let hi = w1 + 2 + within;
            // Exceptions starting before `hi` and ending at or after `lo`.
            // (An exception spans at most a few words, so one starting
            // EXCEPT_SPAN_WORDS before `lo` cannot reach it.)
            let begin = nearby.partition_point(|x| x.first_word + EXCEPT_SPAN_WORDS < lo);
            let end = nearby.partition_point(|x| x.first_word < hi);
            let breaks = clauses.get_or_insert_with(|| clause_breaks(text));
            !nearby[begin..end.max(begin)].iter().any(|x| {
                let (gap_start, gap_end) = if x.end <= s { (x.end, s) } else { (e, x.start) };
                x.last_word + 1 > lo && !breaks.between(gap_start, gap_end)
            })
        };
        hits.terms.retain(|&(rule, s, e)| keep(rule, s, e));
        hits.near.retain(|h| keep(h.0, h.3, h.4));
    }

    /// Merges overlapping spans per rule and builds the ordered findings.
    fn findings(
        &self,
        text: &str,
        severities: &[Option<Severity>],
        mut candidates: Vec<(u32, usize, usize)>,
    ) -> Report {
        candidates.sort_unstable();
        let mut merged: Vec<(u32, usize, usize)> = Vec::with_capacity(candidates.len());
        for (rule, s, e) in candidates {
            match merged.last_mut() {
                Some(last) if last.0 == rule && s < last.2 => last.2 = last.2.max(e),
                _ => merged.push((rule, s, e)),
            }
        }
        if merged.is_empty() {
            return Report::default();
        }
        // A rule whose only matcher is `model` adds nothing where another
        // rule of the same category already reports the same words at the
        // same or a higher level (advice, or held: warn/block): its finding
        // is dropped. A weaker finding does not drop it: an advisory of a
        // list rule must not release a sentence the model holds.
        let model_only = |rule: u32| {
            self.rules.get(rule as usize).is_some_and(|r| {
                !r.model.is_empty() && r.terms.is_empty() && r.regex.is_empty() && r.near.is_empty()
            })
        };
        if merged.iter().any(|m| model_only(m.0)) {
            let category = |rule: u32| self.rules.get(rule as usize).map(|r| r.category);
            let held = |rule: u32| {
                severities
                    .get(rule as usize)
                    .copied()
                    .flatten()
                    .is_some_and(|s| s >= Severity::Warn)
            };
            // The other findings by (category, start), with the furthest end
            // reached so far within each category, so each model-only finding
            // is tested with two binary searches (linear in the findings):
            // once among all of them, once among the held ones.
            let covers = |only_held: bool| {
                let mut others: Vec<(Option<Category>, usize, usize)> = merged
                    .iter()
                    .filter(|m| !model_only(m.0) && (!only_held || held(m.0)))
                    .map(|m| (category(m.0), m.1, m.2))
                    .collect();
                others.sort_unstable();
                let mut reach = Vec::with_capacity(others.len());
                for (i, o) in others.iter().enumerate() {
                    let before = i
                        .checked_sub(1)
                        .filter(|&j| others[j].0 == o.0)
                        .map_or(0, |j| reach[j]);
                    reach.push(o.2.max(before));
                }
                (others, reach)
            };
            let (all, all_reach) = covers(false);
            let (held_others, held_reach) = covers(true);
            merged.retain(|m| {
                if !model_only(m.0) {
                    return true;
                }
                let (others, reach) = if held(m.0) {
                    (&held_others, &held_reach)
                } else {
                    (&all, &all_reach)
                };
                let c = category(m.0);
                let lo = others.partition_point(|o| o.0 < c);
                let hi = others.partition_point(|o| o.0 < c || (o.0 == c && o.1 < m.2));
                // Kept unless an earlier-starting finding of its category reaches past its start.
                !(hi > lo && reach.get(hi - 1).is_some_and(|&r| r > m.1))
            });
            merged = one_per_clause(text, merged, model_only, category, held);
        }
        merged.sort_unstable_by_key(|&(rule, s, e)| (s, e, rule));
        let utf16 = views::Utf16Index::new(text);
        let findings: Vec<Finding> = merged
            .into_iter()
            .filter_map(|(rule_no, start, end)| {
                let rule = self.rules.get(rule_no as usize)?;
                let severity = (*severities.get(rule_no as usize)?)?;
                let excerpt = text.get(start..end)?.to_owned();
                Some(Finding {
                    rule: rule.id.clone(),
                    category: rule.category,
                    severity,
                    start,
                    end,
                    start_utf16: utf16.utf16(start),
                    end_utf16: utf16.utf16(end),
                    excerpt,
                    clause: rule.clause.clone(),
                    message: rule.message.clone(),
                })
            })
            .collect();
        let summary = Summary::of(&findings);
        Report { findings, summary }
    }

    /// Runs every rule's own examples: each `flag` sentence must be flagged
    /// by that rule (in a context where it applies), each `pass` sentence
    /// must not be flagged by it in any context. Returns one problem per failure.
    pub fn example_failures(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        for rule in &self.rules {
            for (i, text) in rule.examples.flag.iter().enumerate() {
                if !self.flags(rule, text) {
                    problems.push(example_problem(
                        rule,
                        format!("examples.flag[{i}] is not flagged by this rule: \"{text}\""),
                    ));
                }
            }
            for (i, text) in rule.examples.pass.iter().enumerate() {
                if self.flags(rule, text) {
                    problems.push(example_problem(
                        rule,
                        format!("examples.pass[{i}] is flagged by this rule: \"{text}\""),
                    ));
                }
            }
        }
        problems
    }

    /// True when `rule` flags `text` in any context where it applies.
    pub fn flags(&self, rule: &Rule, text: &str) -> bool {
        [Context::Official, Context::Personal]
            .into_iter()
            .filter(|&c| rule.severity.get(c).is_some())
            .any(|c| {
                self.check_by_rule(text, c)
                    .findings
                    .iter()
                    .any(|f| f.rule == rule.id)
            })
    }
}

/// What [`Engine::from_parts`] starts from: builders holding the terms of
/// the first `rules` rules and the prefilter literals of their regexes.
struct Base {
    rules: usize,
    builders: [scan::Builder; 3],
    literals: Vec<Option<Vec<Vec<u8>>>>,
}

impl Base {
    /// The pack of a precomputed state and the rest as a `Base` for it.
    fn split(state: crate::snapshot::DefaultState) -> (RulePack, Base) {
        let base = Base {
            rules: state.pack.rules.len(),
            builders: state.builders,
            literals: state.literals,
        };
        (state.pack, base)
    }
}

fn new_builders() -> [scan::Builder; 3] {
    [
        scan::Builder::new(Script::Bangla),
        scan::Builder::new(Script::Latin),
        scan::Builder::new(Script::Skeleton),
    ]
}

/// Adds the terms of one rule (matchers, exceptions, `near` sides) to the views.
fn add_rule_terms(builders: &mut [scan::Builder; 3], rule: &Rule, rule_no: u32) {
    add_terms(builders, &rule.terms, Use::new(rule_no, Role::Term));
    add_terms(builders, &rule.except, Use::new(rule_no, Role::Except));
    for (n, near) in rule.near.iter().enumerate() {
        let n = u16::try_from(n).unwrap_or(u16::MAX);
        add_terms(builders, &near.a, Use::new(rule_no, Role::NearA(n)));
        add_terms(builders, &near.b, Use::new(rule_no, Role::NearB(n)));
    }
}

/// A rule's regexes in the engine's order, with what a match means to the rule.
fn rule_regexes(rule: &Rule) -> impl Iterator<Item = (&String, Role)> {
    let own = rule.regex.iter().map(|p| (p, Role::Term));
    let near = rule.near.iter().enumerate().flat_map(|(n, near)| {
        let n = u16::try_from(n).unwrap_or(u16::MAX);
        near.a_regex
            .iter()
            .map(move |p| (p, Role::NearA(n)))
            .chain(near.b_regex.iter().map(move |p| (p, Role::NearB(n))))
    });
    own.chain(near)
}

/// The default pack's precomputed state ([`crate::snapshot`]): its terms
/// collected per view and the prefilter literals of its regexes, exactly as
/// [`Engine::from_pack`] computes them.
pub(crate) fn default_state(pack: RulePack) -> crate::snapshot::DefaultState {
    let mut builders = new_builders();
    for (i, rule) in pack.rules.iter().enumerate() {
        add_rule_terms(&mut builders, rule, u32::try_from(i).unwrap_or(ALLOW - 1));
    }
    let literals = pack
        .rules
        .iter()
        .flat_map(rule_regexes)
        .map(|(p, _)| prefilter_literals(p))
        .collect();
    crate::snapshot::DefaultState {
        pack,
        builders,
        literals,
    }
}

/// Adds a term list to the three view builders (Bangla, Latin, skeleton)
/// with the same use: what [`Engine::from_pack`] and
/// [`Engine::term_patterns`] both do for every list of a pack.
fn add_terms(builders: &mut [scan::Builder; 3], terms: &Terms, u: Use) {
    for t in &terms.bn {
        builders[0].add(t, u);
    }
    for w in &terms.bn_words {
        builders[0].add_word(&w.word, &w.suffixes, u);
    }
    for t in &terms.en {
        builders[1].add(t, u);
    }
    for t in &terms.banglish {
        builders[2].add(t, u);
    }
    for t in &terms.en_verbs {
        builders[1].add_en_verb(t, u);
    }
    for t in &terms.bn_verbs {
        builders[0].add_verb(t, u);
    }
    for t in &terms.banglish_verbs {
        builders[2].add_verb(t, u);
    }
}

/// A finding of a model-only rule says "this clause reads as X": it is kept
/// once per rule and clause (its span from the first driver word to the
/// last), and dropped where another finding of its category already marks
/// that clause at the same level (`held`: warn or block, else advice) or
/// higher, so the panel shows one item for one problem and an advisory never
/// releases a held clause. `merged` is ordered by rule, then position.
fn one_per_clause(
    text: &str,
    merged: Vec<(u32, usize, usize)>,
    model_only: impl Fn(u32) -> bool,
    category: impl Fn(u32) -> Option<crate::model::Category>,
    held: impl Fn(u32) -> bool,
) -> Vec<(u32, usize, usize)> {
    let bounds = crate::stance::clauses(text);
    let clause_of = |at: usize| bounds.partition_point(|&(_, e)| e <= at);
    // (category, clause, held) of every clause marked by another finding; a
    // held mark also counts as an advisory one.
    let marked: std::collections::HashSet<(Option<crate::model::Category>, usize, bool)> = merged
        .iter()
        .filter(|m| !model_only(m.0))
        .flat_map(|m| {
            let c = category(m.0);
            let levels: &[bool] = if held(m.0) { &[false, true] } else { &[false] };
            (clause_of(m.1)..=clause_of(m.2.saturating_sub(1)).max(clause_of(m.1)))
                .flat_map(move |k| levels.iter().map(move |&h| (c, k, h)))
        })
        .collect();
    let mut out: Vec<(u32, usize, usize)> = Vec::with_capacity(merged.len());
    let mut last_clause = usize::MAX;
    for m in merged {
        if !model_only(m.0) {
            out.push(m);
            continue;
        }
        let k = clause_of(m.1);
        if marked.contains(&(category(m.0), k, held(m.0))) {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.0 == m.0 && last_clause == k && model_only(last.0) => {
                last.2 = last.2.max(m.2);
            }
            _ => out.push(m),
        }
        last_clause = k;
    }
    out
}

/// Merges overlapping findings of the same category (input ordered by
/// position): the union of the spans, with the rule, severity, clause and
/// message of the most severe one (the first on a tie).
fn merge_same_category(findings: Vec<Finding>, text: &str) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    // The last kept finding of each category seen so far.
    let mut last: Vec<(crate::model::Category, usize)> = Vec::new();
    let mut grown = false;
    for f in findings {
        let slot = last.iter().position(|(c, _)| *c == f.category);
        if let Some(k) = slot.map(|i| last[i].1) {
            if let Some(kept) = out.get_mut(k) {
                if f.start < kept.end {
                    if f.end > kept.end {
                        kept.end = f.end;
                        grown = true;
                    }
                    if f.severity > kept.severity {
                        kept.rule = f.rule;
                        kept.severity = f.severity;
                        kept.clause = f.clause;
                        kept.message = f.message;
                    }
                    continue;
                }
            }
        }
        let idx = out.len();
        match slot {
            Some(i) => last[i].1 = idx,
            None => last.push((f.category, idx)),
        }
        out.push(f);
    }
    if grown {
        let utf16 = views::Utf16Index::new(text);
        for f in &mut out {
            if let Some(x) = text.get(f.start..f.end) {
                if x.len() != f.excerpt.len() {
                    f.excerpt = x.to_owned();
                    f.end_utf16 = utf16.utf16(f.end);
                }
            }
        }
        // A grown finding may now end after a later one that starts at the
        // same place: keep the findings ordered by (start, end).
        out.sort_by_key(|f| (f.start, f.end));
    }
    out
}

/// More words than any exception match spans (terms are at most 200
/// characters; a word takes at least one character and a space).
const EXCEPT_SPAN_WORDS: usize = 128;

/// One exception match of a rule with `except_within`: its words and bytes.
#[derive(Debug, Clone, Copy)]
struct NearbyExcept {
    first_word: usize,
    last_word: usize,
    start: usize,
    end: usize,
}

/// Byte offsets of the clause breaks of a text (for `scope = "clause"`).
struct ClauseBreaks(Vec<usize>);

impl ClauseBreaks {
    /// True when a break lies in `start..end`.
    fn between(&self, start: usize, end: usize) -> bool {
        let i = self.0.partition_point(|&b| b < start);
        self.0.get(i).is_some_and(|&b| b < end)
    }

    /// The break in `start..end` when there is exactly one.
    fn only_between(&self, start: usize, end: usize) -> Option<usize> {
        let i = self.0.partition_point(|&b| b < start);
        let first = *self.0.get(i).filter(|&&b| b < end)?;
        match self.0.get(i + 1) {
            Some(&next) if next < end => None,
            _ => Some(first),
        }
    }
}

/// Clause breaks: the danda `।` and `॥`, `?`, `!`, `;`, `|` (typed for the
/// danda), a line break, and `.` followed by a space or the end (not the
/// `.` of `2.5` or `www.x.com`).
fn clause_breaks(text: &str) -> ClauseBreaks {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    // Length in characters of the word just before the current character.
    let mut word_len = 0usize;
    while let Some((i, c)) = it.next() {
        // `?`, `!` and `.` break only before a space or a non-word character
        // (`acc!dent`, `3.5` stay whole); `.` only after a word of three or
        // more characters (`D.C. is`, `Dr. Rahman` stay whole).
        let before_space = it
            .peek()
            .is_none_or(|&(_, n)| n.is_whitespace() || !words::is_word_char(n));
        let is_break = match c {
            '।' | '॥' | ';' | '|' | '\n' | '\r' | '؟' => true,
            '?' | '!' => before_space,
            '.' => before_space && word_len >= 3,
            _ => false,
        };
        if is_break {
            out.push(i);
        }
        word_len = if words::is_word_char(c) {
            word_len + 1
        } else {
            0
        };
    }
    ClauseBreaks(out)
}

/// Pronouns that point back to the people of the previous clause when they
/// open a clause (`scope = "clause-anaphora"`), compared after lower-casing.
const ANAPHORS: &[&str] = &[
    "ওরা",
    "ওদের",
    "ওরাই",
    "এরা",
    "এদের",
    "এরাই",
    "তারা",
    "তাদের",
    "তারাই",
    "তাঁরা",
    "তাঁদের",
    "এগুলো",
    "এগুলা",
    "ওগুলো",
    "ওগুলা",
    "এগুলারে",
    "এসব",
    "ওইসব",
    "they",
    "them",
    "their",
    "these",
    "those",
    "ora",
    "oder",
    "era",
    "eder",
    "tara",
    "tader",
    "egula",
    "ogula",
];

/// True when exactly one clause break lies between `a_end` and `b_start`
/// (side `a` before side `b`) and the clause after it opens with one of
/// [`ANAPHORS`] among its first three words, at or before `b_start` (the
/// first word of the `b` match included).
fn carried_by_anaphor(text: &str, breaks: &ClauseBreaks, a_end: usize, b_start: usize) -> bool {
    if a_end > b_start {
        return false;
    }
    let Some(brk) = breaks.only_between(a_end, b_start) else {
        return false;
    };
    // The pronoun may also be the first word of the `b` match itself ("… ;
    // these people never …"), so the first word at `b_start` is looked at too.
    let b_word_end = text
        .get(b_start..)
        .and_then(|t| {
            t.char_indices()
                .find(|&(_, c)| !words::is_word_char(c) && c != '\u{09BC}')
                .map(|(i, _)| b_start + i)
        })
        .unwrap_or(text.len());
    let Some(rest) = text.get(brk..b_word_end.max(brk)) else {
        return false;
    };
    rest.split(|c: char| c.is_whitespace() || (!words::is_word_char(c) && c != '\u{09BC}'))
        .filter(|w| !w.is_empty())
        .take(3)
        .any(|w| {
            let w = w.to_lowercase();
            ANAPHORS.contains(&w.as_str())
        })
}

/// True when `s..e` lies inside one of the sorted, disjoint `clauses`.
fn in_one_clause(clauses: &[(usize, usize)], s: usize, e: usize) -> bool {
    let k = clauses.partition_point(|c| c.0 <= s);
    k > 0 && clauses.get(k - 1).is_some_and(|c| e <= c.1)
}

fn example_problem(rule: &Rule, message: String) -> Problem {
    Problem {
        file: Some(rule.origin.file.clone()),
        line: Some(rule.origin.line),
        rule: Some(rule.id.clone()),
        message,
    }
}

#[cfg(test)]
mod tests;
