//! The WASM API used by the browser extension (docs/architecture.md):
//! `new WasmEngine(config)`, `engine.diagnostics()`, `engine.check(text, context)`,
//! `engine.rules()`, `categories()` and `validatePolicy(policy)`. Every value returned
//! is a plain JS object with the same field names as the CLI's JSON.

use crate::config::{Diagnostic, EngineConfig};
use crate::engine::Engine;
use crate::model::{Category, Context, Message};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Reads a plain JS value as JSON through `JSON.stringify` (much faster than
/// walking a large object field by field across the boundary).
fn from_js_json(value: &JsValue) -> Result<serde_json::Value, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(serde_json::Value::Null);
    }
    let text = js_sys::JSON::stringify(value)
        .map_err(|e| e.as_string().unwrap_or_else(|| "not JSON".to_owned()))?;
    let text: String = text.into();
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

/// Returns a value to JS through `JSON.parse`, for large results.
fn to_js_json<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value)
        .map_err(|e| JsError::new(&format!("could not convert the result: {e}")))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("could not convert the result"))
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not convert the result: {e}")))
}

/// The engine, built once from a configuration and used for many checks.
#[wasm_bindgen]
pub struct WasmEngine {
    engine: Engine,
    diagnostics: Vec<Diagnostic>,
}

#[wasm_bindgen]
impl WasmEngine {
    /// Builds the engine from a plain config object (every key optional).
    /// Never throws: problems are reported by `diagnostics()`.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> WasmEngine {
        let mut diagnostics = Vec::new();
        let value = from_js_json(&config).unwrap_or_else(|e| {
            diagnostics.push(Diagnostic {
                key: "config".to_owned(),
                message: format!("the configuration could not be read ({e}); using defaults"),
            });
            serde_json::Value::Null
        });
        let (config, mut parse_diags) = EngineConfig::from_json(&value);
        diagnostics.append(&mut parse_diags);
        let (engine, mut build_diags) = Engine::build(&config);
        diagnostics.append(&mut build_diags);
        WasmEngine {
            engine,
            diagnostics,
        }
    }

    /// Problems found in the config: `[{ key, message }]`.
    pub fn diagnostics(&self) -> Result<JsValue, JsError> {
        to_js(&self.diagnostics)
    }

    /// Checks a text in `"official"` or `"personal"` context and returns
    /// `{ findings, summary }`. Throws on an unknown context.
    pub fn check(&self, text: &str, context: &str) -> Result<JsValue, JsError> {
        let context: Context = context
            .parse()
            .map_err(|e: crate::model::UnknownValue| JsError::new(&e.to_string()))?;
        to_js(&self.engine.check(text, context))
    }

    /// The rules: `[{ id, category, clause, severity: { official, personal }, message: { en, bn } }]`.
    pub fn rules(&self) -> Result<JsValue, JsError> {
        to_js(&self.engine.rules())
    }
}

#[derive(Serialize)]
struct CategoryInfo {
    id: &'static str,
    name: Message,
}

/// The nine categories: `[{ id, name: { en, bn } }]`.
#[wasm_bindgen]
pub fn categories() -> Result<JsValue, JsError> {
    let list: Vec<CategoryInfo> = Category::ALL
        .iter()
        .map(|c| CategoryInfo {
            id: c.id(),
            name: c.name(),
        })
        .collect();
    to_js(&list)
}

/// Validates a policy (or the official's stored options) with the settings
/// contract, exactly as `sotorko policy check` does:
/// `{ values, locked, errors: [{ key, path, message: { en, bn } }] }`.
/// `values` holds only the valid keys; a key with a problem keeps its
/// built-in value. Throws only when `policy` is not JSON-like.
#[wasm_bindgen(js_name = validatePolicy)]
pub fn validate_policy(policy: JsValue) -> Result<JsValue, JsError> {
    let value = from_js_json(&policy)
        .map_err(|e| JsError::new(&format!("the policy could not be read: {e}")))?;
    to_js_json(&crate::settings::validate_policy(&value))
}
