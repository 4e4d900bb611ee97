"""One build at a time per PROFILES folder."""

import os
import shutil
import signal
import subprocess
import sys
import time

from conftest import FIXTURES

from cityprofile.pipeline.build import LOCK, hold_profiles

HOLD = (
    "import sys\n"
    "from pathlib import Path\n"
    "from cityprofile.pipeline.build import hold_profiles\n"
    "with hold_profiles(Path(sys.argv[1])):\n"
    "    print('held', flush=True)\n"
    "    sys.stdin.read()\n"
)


def _hold(out):
    """Start a process that holds ``out`` until its stdin is closed."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    assert holder.stdout.readline() == "held\n"
    return holder


def test_a_second_build_into_the_same_folder_waits_for_the_first_then_runs(tmp_path):
    out, seeds = tmp_path / "profiles", tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / "008_suining.txt", seeds)
    holder = _hold(out)
    command = [sys.executable, "-m", "cityprofile", "extract", "--seeds", str(seeds), "--out", str(out)]
    second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        waiting = second.stderr.readline()
        assert waiting == (f"waiting: another build (pid {holder.pid}) is writing into {out}; "
                           "this one starts when it ends\n")
        assert second.poll() is None and not (out / "index.json").exists()
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    _, errors = second.communicate(timeout=300)
    assert second.returncode == 0, errors
    assert (out / "index.json").is_file()
    assert (out / LOCK).read_text() == f"{second.pid}\n"


def test_a_lock_left_by_a_killed_build_is_taken_over_at_once(tmp_path):
    holder = _hold(tmp_path)
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    assert (tmp_path / LOCK).read_text() == f"{holder.pid}\n"
    messages = []
    with hold_profiles(tmp_path, warn=messages.append):
        assert (tmp_path / LOCK).read_text() == f"{os.getpid()}\n"
    assert messages == []


def test_a_lock_that_is_a_symbolic_link_is_refused_and_its_target_kept(tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("an analyst's notes\n")
    out = tmp_path / "profiles"
    out.mkdir()
    (out / LOCK).symlink_to(target)
    try:
        with hold_profiles(out):
            raise AssertionError("the lock was taken through a link")
    except OSError as error:
        assert "symbolic link" in error.strerror and error.filename == str(out / LOCK)
    assert target.read_text() == "an analyst's notes\n"


def _descendants(pid: int) -> list:
    import psutil

    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def test_a_build_killed_outright_leaves_no_process_and_the_next_build_runs_at_once(tmp_path):
    import psutil

    out, seeds = tmp_path / "profiles", tmp_path / "seeds"
    shutil.copytree(FIXTURES.parent.parent / "seeds", seeds)
    command = [sys.executable, "-m", "cityprofile", "build", "--seeds", str(seeds), "--out", str(out), "--jobs", "2"]
    build = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    children = []
    # Its two workers and their kernels have started, and the server they were forked from (and multiprocessing's
    # resource tracker): the workers are the server's children, not the build's, and keep it open.
    while time.monotonic() < deadline and len(children) < 5:
        children = _descendants(build.pid)
        time.sleep(0.2)
    assert len(children) >= 5, "the build started fewer processes than two workers and their kernels"
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=30)
    gone, alive = psutil.wait_procs(children, timeout=30)
    assert alive == [], f"left running: {[p.pid for p in alive]}"
    messages = []
    with hold_profiles(out, warn=messages.append):
        pass
    assert messages == []  # taken at once, not waited for


def test_a_worker_stopped_before_its_kernel_module_is_loaded_exits_quietly():
    # SIGTERM can reach a worker still importing .kernels in its initializer; importing it again from the handler
    # printed "Exception in initializer ... cannot import name 'kill_kernel'".
    code = ("import sys\nfrom cityprofile.pipeline import workers\n"
            "assert 'cityprofile.pipeline.kernels' not in sys.modules\nworkers._stop()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stderr == ""
