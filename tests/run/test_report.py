"""One report for both engines, one rendering of it."""

from kgextract.models import DocumentError
from kgextract.run.manifest import RunCounts
from kgextract.run.report import RunReport, summary


def _problem(level):
    return DocumentError(source="a.txt", code="E014" if level == "error" else "W020", level=level, message="m")


def test_summary_counts_failures_and_warnings_from_the_problems():
    report = RunReport(documents=3, extracted=2, cached=1, removed=1, entities=9, relations=4, merges=2, links=1,
                       seconds=1.26, problems=[_problem("error"), _problem("warning"), _problem("warning")])
    assert summary(report) == ("3 documents (2 extracted, 1 from cache, 1 removed), 9 entities, 4 relations, "
                               "2 merges, 1 links; 1 failed, 2 warnings; 1.3s")
    assert not report.clean


def test_kept_documents_are_shown_only_when_there_are_some():
    assert "kept unread" not in summary(RunReport())
    assert "(0 extracted, 0 from cache, 0 removed, 2 kept unread)" in summary(RunReport(kept=2))


def test_the_manifest_counts_are_the_reports_own():
    report = RunReport(engine="dask", documents=5, extracted=5, merges=1, partitions=4, workers=2)
    counts = report.counts()
    assert type(counts) is RunCounts
    assert counts.model_dump() == {name: getattr(report, name) for name in RunCounts.model_fields}


def test_the_report_round_trips_through_json():
    report = RunReport(documents=1, problems=[_problem("warning")])
    assert RunReport.model_validate_json(report.model_dump_json()) == report
