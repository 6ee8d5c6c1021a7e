//! Dates: parsing date expressions ("23 juin 2025", "June 23, 2025 at
//! 10:02", "2025-06-23T00:53:00+02:00", "23/06/2025") in several languages
//! into [`dossier_document::DateValue`]s with their precision and evidence.
