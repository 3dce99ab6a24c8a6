// SPDX-License-Identifier: GPL-2.0-only
///
/// An MMU notifier's invalidation callback may be called where it must
/// not sleep: the OOM reaper tears down a dying process's memory with
/// mmu_notifier_invalidate_range_start_nonblock(), and a callback asked
/// not to block (!mmu_notifier_range_blockable(range)) must return false
/// (-EAGAIN from .invalidate_range_start) rather than sleep.  The
/// callbacks: .invalidate and .invalidate_start of struct
/// mmu_interval_notifier_ops, .invalidate_range_start and
/// .invalidate_range_end of struct mmu_notifier_ops (for a non-blockable
/// range both run under non_block_start()).
/// .arch_invalidate_secondary_tlbs of struct mmu_notifier_ops is called
/// under the page table lock and must never sleep.  See
/// include/linux/mmu_notifier.h.
///
/// The rule reports a call that sleeps (mutex_lock*(), down_read*(),
/// down_write*(), msleep(), usleep_range(), schedule(),
/// wait_for_completion*(), wait_event*(), synchronize_*rcu(),
/// flush_work(), cancel_work_sync(), flush_workqueue(), might_sleep(), a
/// k*alloc() with GFP_KERNEL) in such a callback, or in a function of the
/// same file that the callback calls, on a path from the callback's start
/// that does not test mmu_notifier_range_blockable(); in
/// .arch_invalidate_secondary_tlbs, any such call.  Not seen (false
/// negatives): a sleeping call two calls deep or in another file, a
/// sleeping function not in the list, a blockable test that does not
/// guard the call.  Not followed (a false positive): which events the
/// callback acts on, where a driver relies on an event never being
/// non-blockable.
///
/// No patch mode: the fix (a trylock and return false, a spinlock, a
/// work item for what sleeps) depends on the driver.
///
// Confidence: Moderate
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@cb@
identifier ops, fn;
@@
(
struct mmu_interval_notifier_ops ops = {
	.invalidate = fn,
};
|
struct mmu_interval_notifier_ops ops = {
	.invalidate_start = fn,
};
|
struct mmu_notifier_ops ops = {
	.invalidate_range_start = fn,
};
|
struct mmu_notifier_ops ops = {
	.invalidate_range_end = fn,
};
)

@tlb@
identifier ops, fn;
@@
struct mmu_notifier_ops ops = {
	.arch_invalidate_secondary_tlbs = fn,
};

// The sleeping calls are regular expressions rather than a disjunction
// of calls, so that spatch --use-gitgrep selects files by the callbacks'
// structures alone (some 35 files of the tree, not 12,000).  A call of
// the callback is followed one level, into a function of the same file.
@sleeps depends on cb exists@
identifier cb.fn;
identifier sleeper =~ "^(mutex_lock(_nested|_interruptible|_killable)?|down_(read|write)(_killable)?|msleep|usleep_range|schedule|wait_for_completion(_timeout)?|wait_event(_timeout)?|synchronize_s?rcu|flush_work|cancel_work_sync|flush_workqueue|might_sleep)$";
identifier alloc =~ "^(kmalloc|kzalloc|kcalloc|kmalloc_array|kvmalloc)$";
identifier gfp =~ "^GFP_KERNEL$";
position p;
@@
fn(...)
{
... when != mmu_notifier_range_blockable(...)
    when any
(
sleeper@p(...)
|
alloc@p(..., gfp)
)
... when any
}

@calls depends on cb exists@
identifier cb.fn, g;
@@
fn(...)
{
... when != mmu_notifier_range_blockable(...)
    when any
g(...)
... when any
}

@callee_sleeps depends on calls exists@
identifier calls.g;
identifier sleeper =~ "^(mutex_lock(_nested|_interruptible|_killable)?|down_(read|write)(_killable)?|msleep|usleep_range|schedule|wait_for_completion(_timeout)?|wait_event(_timeout)?|synchronize_s?rcu|flush_work|cancel_work_sync|flush_workqueue|might_sleep)$";
identifier alloc =~ "^(kmalloc|kzalloc|kcalloc|kmalloc_array|kvmalloc)$";
identifier gfp =~ "^GFP_KERNEL$";
position p;
@@
g(...)
{
... when != mmu_notifier_range_blockable(...)
    when any
(
sleeper@p(...)
|
alloc@p(..., gfp)
)
... when any
}

@tlb_sleeps depends on tlb exists@
identifier tlb.fn;
identifier sleeper =~ "^(mutex_lock(_nested|_interruptible|_killable)?|down_(read|write)(_killable)?|msleep|usleep_range|schedule|wait_for_completion(_timeout)?|wait_event(_timeout)?|synchronize_s?rcu|flush_work|cancel_work_sync|flush_workqueue|might_sleep)$";
identifier alloc =~ "^(kmalloc|kzalloc|kcalloc|kmalloc_array|kvmalloc)$";
identifier gfp =~ "^GFP_KERNEL$";
position p;
@@
fn(...)
{
<+...
(
sleeper@p(...)
|
alloc@p(..., gfp)
)
...+>
}

@tlb_calls depends on tlb exists@
identifier tlb.fn, g;
@@
fn(...)
{
<+...
g(...)
...+>
}

@tlb_callee_sleeps depends on tlb_calls exists@
identifier tlb_calls.g;
identifier sleeper =~ "^(mutex_lock(_nested|_interruptible|_killable)?|down_(read|write)(_killable)?|msleep|usleep_range|schedule|wait_for_completion(_timeout)?|wait_event(_timeout)?|synchronize_s?rcu|flush_work|cancel_work_sync|flush_workqueue|might_sleep)$";
identifier alloc =~ "^(kmalloc|kzalloc|kcalloc|kmalloc_array|kvmalloc)$";
identifier gfp =~ "^GFP_KERNEL$";
position p;
@@
g(...)
{
<+...
(
sleeper@p(...)
|
alloc@p(..., gfp)
)
...+>
}

@script:python depends on report@
p << sleeps.p;
fn << cb.fn;
@@
coccilib.report.print_report(p[0], "WARNING: %s() may sleep here without testing mmu_notifier_range_blockable(): it is an MMU notifier invalidation callback" % fn)

@script:python depends on report@
p << callee_sleeps.p;
g << calls.g;
fn << cb.fn;
@@
coccilib.report.print_report(p[0], "WARNING: %s() may sleep here, called from %s() without testing mmu_notifier_range_blockable(): an MMU notifier invalidation callback" % (g, fn))

@script:python depends on report@
p << tlb_sleeps.p;
fn << tlb.fn;
@@
coccilib.report.print_report(p[0], "WARNING: %s() may sleep here: it is an arch_invalidate_secondary_tlbs callback, called under the page table lock" % fn)

@script:python depends on report@
p << tlb_callee_sleeps.p;
g << tlb_calls.g;
fn << tlb.fn;
@@
coccilib.report.print_report(p[0], "WARNING: %s() may sleep here, called from %s(): an arch_invalidate_secondary_tlbs callback, called under the page table lock" % (g, fn))

@script:python depends on org@
p << sleeps.p;
@@
coccilib.org.print_todo(p[0], "sleeping call in an MMU notifier invalidation callback without mmu_notifier_range_blockable()")

@script:python depends on org@
p << callee_sleeps.p;
@@
coccilib.org.print_todo(p[0], "sleeping call in a function an MMU notifier invalidation callback calls without mmu_notifier_range_blockable()")

@script:python depends on org@
p << tlb_sleeps.p;
@@
coccilib.org.print_todo(p[0], "sleeping call in arch_invalidate_secondary_tlbs")

@script:python depends on org@
p << tlb_callee_sleeps.p;
@@
coccilib.org.print_todo(p[0], "sleeping call in a function arch_invalidate_secondary_tlbs calls")

@depends on context@
identifier f;
position sleeps.p;
@@
* f@p(...)

@depends on context@
identifier f;
position callee_sleeps.p;
@@
* f@p(...)

@depends on context@
identifier f;
position tlb_sleeps.p;
@@
* f@p(...)

@depends on context@
identifier f;
position tlb_callee_sleeps.p;
@@
* f@p(...)
