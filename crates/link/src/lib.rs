//! Entity linking.
