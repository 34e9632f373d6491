//! Sotorko's core: checks a social-media draft against the Bangladesh
//! government's social-media guideline for public servants, in Bangla script,
//! English and romanised Bangla, and reports each risky span with the clause
//! it breaks.

pub mod model;
pub mod normalize;

pub use model::{Category, Context, Finding, Message, Report, Severity, Summary};
