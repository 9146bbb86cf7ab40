// The charts tests run under a QGuiApplication — no QApplication, no widgets — as a report drawn
// from the command line would: whatever they need from Qt Widgets fails to link or to run here.
#include <gtest/gtest.h>

#include <QGuiApplication>

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
