//! JSON values converted for CEL.

use std::collections::HashMap;

use cel::common::value::Val;

/// `json` as a CEL value, built directly — what `cel::to_value` and then the context's own
/// conversion make, without the copy in between: a non-negative whole number is a `uint`, a
/// negative one an `int`, any other number a `double`.
pub(super) fn val(json: &serde_json::Value) -> Box<dyn Val> {
    use cel::common::types::{
        CelBool, CelDouble, CelInt, CelList, CelMap, CelMapKey, CelNull, CelString, CelUInt,
    };
    match json {
        serde_json::Value::Null => Box::new(CelNull),
        serde_json::Value::Bool(b) => Box::new(CelBool::from(*b)),
        serde_json::Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Box::new(CelUInt::from(u)),
            (None, Some(i)) => Box::new(CelInt::from(i)),
            (None, None) => Box::new(CelDouble::from(n.as_f64().unwrap_or(f64::NAN))),
        },
        serde_json::Value::String(s) => Box::new(CelString::from(s.clone())),
        serde_json::Value::Array(items) => {
            Box::new(CelList::from(items.iter().map(val).collect::<Vec<_>>()))
        }
        serde_json::Value::Object(map) => Box::new(CelMap::from(
            map.iter()
                .map(|(k, v)| (CelMapKey::from(k.clone()), val(v)))
                .collect::<HashMap<_, _>>(),
        )),
    }
}
