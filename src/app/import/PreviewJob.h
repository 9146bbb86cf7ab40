#pragma once
// Runs store::previewImport on a worker: deciding the day/month order of dates can read the
// whole file. When the store cannot map the file (a required field has no column), the job
// still returns the file's header and first rows, so the user can map them by hand.
#include <optional>
#include <string>

#include "app/jobs/Job.h"
#include "core/Error.h"
#include "store/Importer.h"

namespace cw::app {

/// What a preview hands back.
struct PreviewOutcome {
    store::ImportPreview preview;  ///< complete, or only header/rows/dialect when rawOnly
    std::optional<Error> error;    ///< why the store refused the mapping or the file
    bool rawOnly = false;
    std::string suggestedProfile;  ///< set when asked to suggest one
};

class PreviewJob : public TypedJob<PreviewOutcome> {
    Q_OBJECT

public:
    using Outcome = PreviewOutcome;

    explicit PreviewJob(QObject* parent = nullptr) : TypedJob(parent) {}

    /// Starts a preview; the result of an earlier, still running one is dropped. With
    /// `suggestProfile`, every profile of the table is tried and the one that maps the most
    /// fields wins (a specific profile over the generic one on a tie).
    void start(const store::ImportOptions& options, bool suggestProfile = false, int maxRows = 20);

signals:
    void finished(const cw::app::PreviewJob::Outcome& outcome);

private:
    void completed(Outcome outcome) override { emit finished(outcome); }
};

}  // namespace cw::app
