#pragma once
// A new, empty workbook in the suite's scratch directory (SuiteTempDir), replacing any left by an
// earlier test of the same name.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "store/Workbook.h"
#include "support/SuiteTempDir.h"

namespace cw::test {

inline std::optional<store::Workbook> freshWorkbook(const std::string& fileName) {
    const auto path = (SuiteTempDir::dir() / fileName).string();
    std::filesystem::remove(path);
    auto created = store::Workbook::create(path);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().describe());
    if (!created) return std::nullopt;
    return std::move(created).value();
}

}  // namespace cw::test
