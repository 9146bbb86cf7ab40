#include "engine/segment/BlockPool.h"

namespace cw::engine {

BlockPool::BlockPool(int threads) {
    for (int w = 1; w < threads; ++w) m_workers.emplace_back([this, w] { workerLoop(w); });
}

BlockPool::~BlockPool() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    for (auto& t : m_workers) t.join();
}

void BlockPool::drain(int worker) {
    for (;;) {
        std::int64_t block;
        {
            std::lock_guard lock(m_mutex);
            if (m_next >= m_blocks) return;
            block = m_next++;
        }
        (*m_fn)(block, worker);
    }
}

void BlockPool::run(std::int64_t blocks, const BlockFn& fn) {
    if (m_workers.empty() || blocks <= 1) {
        for (std::int64_t b = 0; b < blocks; ++b) fn(b, 0);
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_fn = &fn;
        m_blocks = blocks;
        m_next = 0;
        m_busy = static_cast<int>(m_workers.size());
        ++m_generation;
    }
    m_wake.notify_all();
    drain(0);
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_busy == 0; });
    m_fn = nullptr;
}

void BlockPool::workerLoop(int worker) {
    std::uint64_t seen = 0;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stop || m_generation != seen; });
            if (m_stop) return;
            seen = m_generation;
        }
        drain(worker);
        std::lock_guard lock(m_mutex);
        if (--m_busy == 0) m_idle.notify_one();
    }
}

}  // namespace cw::engine
