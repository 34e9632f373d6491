//! Normalisation of post text into matching views, each with a map back to
//! the original text. (Being implemented: see the interface in docs/architecture.md.)
