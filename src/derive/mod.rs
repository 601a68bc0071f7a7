//! Derive stage: tables computed from records — registers (登記簿) and what falls due.

pub mod changes;
pub mod charts;
pub mod due;
pub mod export;
pub mod inbox;
pub mod registers;
pub mod reports;
