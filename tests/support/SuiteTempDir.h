#pragma once
// One scratch directory per test process, removed when the process's tests are done.
// Register it once per test file:
//   [[maybe_unused]] auto* const g_tempDir = ::testing::AddGlobalTestEnvironment(new cw::test::SuiteTempDir);
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace cw::test {

class SuiteTempDir : public ::testing::Environment {
public:
    static std::filesystem::path dir() {
        static const std::filesystem::path d = [] {
            auto p = std::filesystem::temp_directory_path() / ("cw_suite_" + std::to_string(::getpid()));
            std::filesystem::remove_all(p);
            std::filesystem::create_directories(p);
            return p;
        }();
        return d;
    }
    void TearDown() override {
        std::error_code ec;
        std::filesystem::remove_all(dir(), ec);
    }
};

}  // namespace cw::test
