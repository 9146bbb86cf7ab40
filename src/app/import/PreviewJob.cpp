#include "app/import/PreviewJob.h"

#include <QtConcurrent/QtConcurrentRun>

#include <exception>

#include "store/MappingProfile.h"
#include "store/csv/CsvReader.h"

namespace cw::app {
namespace {

// The file as the CSV reader sees it, without any mapping.
bool readRaw(const store::ImportOptions& options, int maxRows, store::ImportPreview& out) {
    auto sniff = store::csv::Reader::sniffFile(options.file);
    if (!sniff) return false;
    bool header = sniff->headerLikely;
    if (options.header) {
        header = *options.header;
    } else if (auto p = store::findProfile(options.profile); p && p->header != "auto") {
        header = p->header == "yes";
    }
    auto reader = store::csv::Reader::open(options.file);
    if (!reader) return false;
    store::csv::Record r;
    for (int i = 0; i <= maxRows && (*reader)->next(r); ++i) {
        std::vector<std::string> fields(r.fields.begin(), r.fields.end());
        if (i == 0) {
            for (std::size_t c = 0; c < fields.size(); ++c)
                out.header.push_back(header ? fields[c] : "column " + std::to_string(c + 1));
            if (header) continue;
        }
        out.rows.push_back(std::move(fields));
    }
    out.dialect = (*reader)->dialect().name() + (header ? ", header" : ", no header");
    return !out.header.empty();
}

// The profile of the table that maps the most fields of this file, or "" if none fits.
std::string suggestProfile(const store::ImportOptions& options) {
    const std::string table(store::targetTableName(options.table));
    std::string best;
    int bestScore = -1;
    for (const auto& p : store::availableProfiles(options.userProfileDir)) {
        if (p.table != table) continue;
        store::ImportOptions o = options;
        o.profile = p.name;
        auto preview = store::previewImport(o, 5);
        if (!preview) continue;
        const bool generic = p.name.rfind("generic-", 0) == 0;
        const int score = static_cast<int>(preview->mapping.size()) * 2 + (generic ? 0 : 1);
        if (score > bestScore) {
            bestScore = score;
            best = p.name;
        }
    }
    return best;
}

PreviewJob::Outcome runPreview(store::ImportOptions options, bool suggest, int maxRows) {
    PreviewJob::Outcome out;
    try {
        if (suggest) {
            out.suggestedProfile = suggestProfile(options);
            if (!out.suggestedProfile.empty()) options.profile = out.suggestedProfile;
        }
        auto preview = store::previewImport(options, maxRows);
        if (preview) {
            out.preview = std::move(*preview);
            return out;
        }
        out.error = preview.error();
        out.rawOnly = readRaw(options, maxRows, out.preview);
    } catch (const std::exception& e) {  // a worker is a boundary: nothing escapes it
        out.error = makeError(ErrorKind::Internal, e.what());
    }
    return out;
}

}  // namespace

void PreviewJob::start(const store::ImportOptions& options, bool suggestProfile, int maxRows) {
    launch([options, suggestProfile, maxRows] { return runPreview(options, suggestProfile, maxRows); });
}

}  // namespace cw::app
