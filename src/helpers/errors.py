"""Exceptions accords raises; the CLI turns each into a one-line message and an exit status."""


class AccordsError(Exception):
    """Base class of every error accords reports to its user."""

    exit_code = 1


class CorpusError(AccordsError):
    """The corpus folder or a manifest cannot be read."""

    exit_code = 2


class DocumentError(AccordsError):
    """One input document cannot be read; the run skips it with a warning."""


class ParameterError(AccordsError):
    """A report parameter is unknown or has a value of the wrong type."""

    exit_code = 2


class RenderError(AccordsError):
    """A report notebook failed to execute or convert."""

    exit_code = 3
