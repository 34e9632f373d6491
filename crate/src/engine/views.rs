//! The single place where the engine meets the normalisation module.

pub(crate) use crate::normalize::{
    fold_bangla_term, fold_latin_term, normalize, skeleton_term, Utf16Index, View, MASK,
};
