//! Web view.
