#pragma once
// Reading a workbook's survey answers (service attributes, responses and scores) into
// SurveyData, and the survey analysis of a workbook: read, then engine/survey's analysis.
#include "core/Progress.h"
#include "core/Result.h"
#include "engine/survey/SurveyAnalysis.h"
#include "engine/survey/SurveyData.h"

namespace cw::store {
class Workbook;
}

namespace cw::engine {

/// Reads the survey answers in the window. Errors: Workbook (SQL failure), Input (an attribute
/// with an empty scale), Cancelled (progress said stop).
Result<SurveyData> readSurvey(store::Workbook& wb, const SurveyWindow& window,
                              const ProgressFn& progress = {});

/// Reads and analyses the survey answers of a workbook, timed (`seconds`) and logged. Errors:
/// Usage (options), Workbook, Input, Cancelled.
Result<SurveyAnalysis> analyzeSurvey(store::Workbook& wb, const SurveyOptions& options = {},
                                     const ProgressFn& progress = {});

}  // namespace cw::engine
