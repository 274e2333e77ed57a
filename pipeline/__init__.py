"""mentor-miner: find the people who recur across conference programs, awards and sponsor lists."""

__version__ = "0.1.0"
