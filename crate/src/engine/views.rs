//! The single place where the engine meets the normalisation module.

pub(crate) use crate::normalize::{
    fold_bangla_term, fold_latin_term, fold_regex_pattern, normalize, skeleton_term, Utf16Index,
    View, MASK,
};
