//! What a build reports as it goes: an [`Event`] after each step (numbered from 1, with the
//! number of steps) and for each note beside them.

/// What a build reports as it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Step `step` of `of` (counted from 1) is done; `what` says what it made.
    Step {
        /// The step done.
        step: usize,
        /// The number of steps of this build ([`crate::ReportBuild::steps`]).
        of: usize,
        /// What it made (`typeset the PDF: 24 pages`).
        what: String,
    },
    /// A line to show beside the steps: a Typst warning, where the timings were written.
    Note(String),
}

/// The progress callback with the count of steps done.
pub(super) struct Progress {
    done: usize,
    of: usize,
    report: Box<dyn FnMut(Event) + Send>,
}

impl Progress {
    /// A build of `of` steps reporting to `report`.
    pub(super) fn new(of: usize, report: impl FnMut(Event) + Send + 'static) -> Self {
        Self {
            done: 0,
            of,
            report: Box::new(report),
        }
    }

    /// Counts a step done and reports it.
    pub(super) fn step(&mut self, what: String) {
        self.done += 1;
        (self.report)(Event::Step {
            step: self.done,
            of: self.of,
            what,
        });
    }

    /// Reports a note.
    pub(super) fn note(&mut self, line: String) {
        (self.report)(Event::Note(line));
    }
}
